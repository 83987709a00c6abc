package io.pdmgitops.model.fleet;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a remote's release lets the controller open a node shell with its API token, as PDM does
 * (docs/shell.md): PVE from 9.0.13 on (earlier ones answer a token's termproxy with "value 'id'
 * does not look like a valid user name"); Proxmox Backup Server's termproxy refuses tokens in the
 * sources we read, so it is tried and its refusal shown.
 */
public final class ShellSupport {
  private static final Pattern RELEASE = Pattern.compile("(\\d+)\\.(\\d+)(?:[.-](\\d+))?.*");
  private static final int[] FIRST_PVE = {9, 0, 13};

  private ShellSupport() {}

  /**
   * Why no shell can be opened on this remote's nodes, or empty when one may be tried (an unknown
   * release is tried: the remote's own answer then says).
   *
   * @param type {@code pve} or {@code pbs}
   * @param version the release the remote reported, e.g. {@code 8.2.4}
   */
  public static Optional<String> refusal(String remote, String type, Optional<String> version) {
    if (!type.equals("pve") || version.isEmpty()) {
      return Optional.empty();
    }
    Matcher m = RELEASE.matcher(version.get());
    if (!m.matches()) {
      return Optional.empty();
    }
    int[] v = {
      Integer.parseInt(m.group(1)),
      Integer.parseInt(m.group(2)),
      m.group(3) == null ? 0 : Integer.parseInt(m.group(3))
    };
    for (int i = 0; i < 3; i++) {
      if (v[i] != FIRST_PVE[i]) {
        return v[i] > FIRST_PVE[i]
            ? Optional.empty()
            : Optional.of(
                remote
                    + " runs PVE "
                    + version.get()
                    + ", which refuses API tokens on its console: PVE takes them from 9.0.13 on."
                    + " Upgrade it, or use its own web interface for a shell.");
      }
    }
    return Optional.empty();
  }
}
