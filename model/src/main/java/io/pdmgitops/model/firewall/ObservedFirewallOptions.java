package io.pdmgitops.model.firewall;

import io.pdmgitops.model.observed.ObservedPart;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The firewall options one PVE cluster reports for the places Git declares options for (only those
 * are read), values as PVE sent them, as text.
 *
 * @param read the options by place; a place missing here was not read (a guest not on the remote)
 */
public record ObservedFirewallOptions(Map<FirewallTarget, Read> read) implements ObservedPart {
  public ObservedFirewallOptions {
    read = Map.copyOf(read);
  }

  public Optional<Read> of(FirewallTarget target) {
    return Optional.ofNullable(read.get(target));
  }

  /**
   * One place's options as {@code GET .../firewall/options} answers: only the options set in its
   * file, and the file's digest.
   */
  public record Read(String path, Map<String, String> options, String digest) {
    public Read {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(digest, "digest");
      options = Map.copyOf(options);
    }
  }
}
