package io.pdmgitops.webui.api;

import java.util.List;
import java.util.Optional;

/** Remote details for route tests. */
public final class TestRemotes {
  private TestRemotes() {}

  public static final RemoteDetail REMOTE_DOWN =
      new RemoteDetail(
          "west",
          "pve",
          List.of(new RemoteDetail.Endpoint("https://west.example:8006", Optional.of("AA:BB"))),
          "offline",
          Optional.of("CERTIFICATE"),
          "https://west.example:8006 presented SHA-256 CC:DD, not the pinned AA:BB",
          Optional.empty(),
          0,
          0,
          0,
          0,
          0,
          Optional.of("2026-11-23T12:00:00Z"),
          Optional.of("2026-11-23T12:00:40Z"));
}
