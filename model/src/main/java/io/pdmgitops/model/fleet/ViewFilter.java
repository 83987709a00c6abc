package io.pdmgitops.model.fleet;

import io.pdmgitops.model.desired.FilterRule;
import io.pdmgitops.model.desired.View;
import java.util.List;

/**
 * A view's selection with PDM's semantics: a resource is shown when it is included ({@code
 * includeAll}, or any include rule) and no exclude rule matches. A view with neither includes
 * nothing. Pool and tag rules match guests only; a {@code remote=} rule also selects the remote's
 * own row, so a remote that is down still shows with its error.
 */
public record ViewFilter(boolean includeAll, List<FilterRule> include, List<FilterRule> exclude) {
  public ViewFilter {
    include = List.copyOf(include);
    exclude = List.copyOf(exclude);
  }

  public static ViewFilter of(View view) {
    return new ViewFilter(view.spec().includeAll(), view.spec().include(), view.spec().exclude());
  }

  public boolean matches(FleetResource resource) {
    boolean included = includeAll || include.stream().anyMatch(r -> matches(r, resource));
    return included && exclude.stream().noneMatch(r -> matches(r, resource));
  }

  /** Whether every include rule names remotes and none of them is this one: skip polling it. */
  public boolean excludesRemote(String remote) {
    if (exclude.stream().anyMatch(r -> isRemote(r) && r.value().equals(remote))) {
      return true;
    }
    return !includeAll
        && !include.isEmpty()
        && include.stream().allMatch(r -> isRemote(r) && !r.value().equals(remote));
  }

  private static boolean isRemote(FilterRule rule) {
    return rule.key() == io.pdmgitops.model.desired.FilterKey.REMOTE;
  }

  static boolean matches(FilterRule rule, FleetResource r) {
    return switch (rule.key()) {
      case RESOURCE_TYPE -> r.type().wire().equals(rule.value());
      case RESOURCE_POOL -> r.type().isGuest() && r.pool().map(rule.value()::equals).orElse(false);
      case TAG -> r.type().isGuest() && r.tags().contains(rule.value());
      case REMOTE -> r.remote().equals(rule.value());
      case RESOURCE_ID -> r.id().equals(rule.value());
    };
  }
}
