package io.pdmgitops.webui.api;

import java.util.List;
import java.util.Optional;

/** The declared remotes with their last observation and back-off; implemented by the controller. */
public interface RemotesPort {
  List<RemoteDetail> remotes();

  /** One declared remote with its nodes and storages; empty when no remote has that name. */
  Optional<RemoteInventory> remote(String name);
}
