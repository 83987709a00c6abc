package io.pdmgitops.webui.api;

import java.util.List;

/** The declared remotes with their last observation and back-off; implemented by the controller. */
@FunctionalInterface
public interface RemotesPort {
  List<RemoteDetail> remotes();
}
