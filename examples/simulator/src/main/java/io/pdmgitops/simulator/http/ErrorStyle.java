package io.pdmgitops.simulator.http;

/** How a server renders errors; real servers differ by product and version. */
public enum ErrorStyle {
  /** PVE since libpve-http-server-perl 5.2.0: reason phrase plus {@code message} in the body. */
  PVE,
  /** Older PVE: the text only in the reason phrase, body {@code {"data":null}}. */
  PVE_LEGACY,
  /** PBS: the body is the plain error text. */
  PBS
}
