package io.pdmgitops.webui.shell;

import java.time.Instant;

/**
 * One open shell, as an admin's list shows it.
 *
 * @param address where the browser connected from
 * @param bytesIn bytes the browser sent (keystrokes, resizes, keep-alives)
 * @param bytesOut bytes the shell sent back
 */
public record OpenShell(
    String id,
    String user,
    String remote,
    String node,
    String address,
    Instant started,
    long bytesIn,
    long bytesOut) {}
