package io.pdmgitops.webui.health;

import io.pdmgitops.model.access.AccessPath;
import io.pdmgitops.model.access.Permission;
import io.pdmgitops.webui.access.Viewer;
import java.util.List;
import java.util.Optional;

/**
 * The health port as one caller sees it: findings and rows on what they may read (a node, guest or
 * remote path), sources of remotes they may read; nothing without a caller.
 */
public final class VisibleHealth implements HealthPort {
  private final Optional<Viewer> viewer;
  private final HealthPort all;

  public VisibleHealth(Optional<Viewer> viewer, HealthPort all) {
    this.viewer = viewer;
    this.all = all;
  }

  private boolean reads(AccessPath path) {
    return viewer.map(v -> v.allows(path, Permission.READ)).orElse(false);
  }

  @Override
  public HealthReport report() {
    return all.report().filter(f -> reads(f.path()), r -> reads(AccessPath.remote(r)));
  }

  @Override
  public boolean refresh(String remote) {
    return reads(AccessPath.remote(remote)) && all.refresh(remote);
  }

  @Override
  public List<OverviewTab> tabs() {
    return all.tabs();
  }

  @Override
  public Optional<OverviewTable> table(String overview) {
    return all.table(overview).map(this::visible);
  }

  private OverviewTable visible(OverviewTable t) {
    return t.filter(row -> reads(row.path()), r -> reads(AccessPath.remote(r)));
  }
}
