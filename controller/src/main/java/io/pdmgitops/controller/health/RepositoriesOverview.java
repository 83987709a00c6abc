package io.pdmgitops.controller.health;

import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.health.NodeRepositories;
import io.pdmgitops.model.health.NodeSubscription;
import io.pdmgitops.model.health.RepositoryRules;
import io.pdmgitops.reconcilers.pve.AptRepositories;
import io.pdmgitops.reconcilers.remote.RemoteClients;
import io.pdmgitops.webui.health.OverviewRow;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The repositories overview: {@code GET /nodes/{node}/apt/repositories} for each online node,
 * judged with the node's subscription as the subscriptions overview last read it (no request of its
 * own for that).
 */
public final class RepositoriesOverview {
  private RepositoriesOverview() {}

  /**
   * @param subscription a node's subscription by remote and node, as last read
   * @param ceph the Ceph version a node runs by remote and node, as the updates overview last read
   */
  public static HealthOverview<List<NodeRepositories>> of(
      Supplier<List<Remote>> remotes,
      LastSweep sweep,
      RemoteClients clients,
      Duration every,
      Clock clock,
      BiFunction<String, String, Optional<NodeSubscription>> subscription,
      BiFunction<String, String, Optional<String>> ceph) {
    return new HealthOverview<>(
        NodeReads.perNode(
            "repositories",
            every,
            remotes,
            sweep,
            clients,
            clock,
            (pve, node) -> pve.repositories(node).map(r -> repositories(node, r))),
        "Repositories",
        List.of("node", "repository", "enabled", "notes"),
        (remote, nodes, now) ->
            RepositoryRules.findings(
                remote,
                nodes,
                node -> subscription.apply(remote, node),
                node -> ceph.apply(remote, node)),
        RepositoriesOverview::rows);
  }

  static NodeRepositories repositories(String node, AptRepositories apt) {
    Map<String, NodeRepositories.Repository> byPlace = new HashMap<>();
    List<NodeRepositories.Repository> all = new ArrayList<>();
    for (AptRepositories.SourceFile file : apt.files()) {
      int index = 0;
      for (AptRepositories.Repository r : file.repositories()) {
        NodeRepositories.Repository repo =
            new NodeRepositories.Repository(
                file.path(),
                nonNull(r.uris()),
                nonNull(r.suites()),
                nonNull(r.components()),
                r.enabled().orElse(true));
        byPlace.put(file.path() + "#" + index++, repo);
        all.add(repo);
      }
    }
    List<NodeRepositories.Note> notes =
        apt.infos().stream()
            .filter(
                i -> i.kind().filter(k -> !k.equals("origin") && !k.equals("badge")).isPresent())
            .map(
                i ->
                    new NodeRepositories.Note(
                        i.kind().get(),
                        i.message(),
                        i.index().map(x -> byPlace.get(i.path() + "#" + x))))
            .toList();
    Map<String, Boolean> standard = new HashMap<>();
    apt.standardRepos().forEach(s -> s.status().ifPresent(v -> standard.put(s.handle(), v)));
    return new NodeRepositories(
        node,
        all,
        standard,
        notes,
        apt.errors().stream().map(e -> e.path() + ": " + e.error()).toList());
  }

  private static List<String> nonNull(List<String> list) {
    return list == null ? List.of() : list;
  }

  private static List<OverviewRow> rows(String remote, List<NodeRepositories> nodes) {
    List<OverviewRow> rows = new ArrayList<>();
    for (NodeRepositories n : nodes) {
      for (NodeRepositories.Repository r : n.repositories()) {
        String notes =
            String.join(
                "; ",
                n.notes().stream()
                    .filter(x -> x.entry().filter(r::equals).isPresent())
                    .map(NodeRepositories.Note::message)
                    .toList());
        Map<String, String> f = new LinkedHashMap<>();
        f.put("node", n.node());
        f.put("repository", r.shown());
        f.put("enabled", r.enabled() ? "yes" : "no");
        f.put("notes", notes);
        rows.add(OverviewRow.ofNode(remote, n.node(), f));
      }
    }
    return rows;
  }
}
