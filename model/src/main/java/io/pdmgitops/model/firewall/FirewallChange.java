package io.pdmgitops.model.firewall;

import io.pdmgitops.model.plan.ActionParams;
import java.util.Map;
import java.util.Objects;

/**
 * One PUT of firewall options: where, the options to set (PVE's names and values), and the digest
 * of the options the plan was made from, so PVE refuses the change if someone edited them since.
 */
public record FirewallChange(String path, Map<String, String> set, String digest)
    implements ActionParams {
  public FirewallChange {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(digest, "digest");
    set = Map.copyOf(set);
  }
}
