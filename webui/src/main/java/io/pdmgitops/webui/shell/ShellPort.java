package io.pdmgitops.webui.shell;

import io.pdmgitops.model.access.RemoteToken;
import java.nio.charset.StandardCharsets;
import java.util.List;
import reactor.core.publisher.Flux;

/** What the shell pages need of the controller: relay a node's shell, list and close them. */
public interface ShellPort {
  /**
   * The node's shell output; subscribing opens it (or fails with {@link ShellRefusedException} when
   * a limit refuses it), cancelling closes it. Ends with a last line that says why.
   *
   * @param frames the browser's frames, in termproxy's protocol
   */
  Flux<byte[]> open(
      String user,
      String address,
      String remote,
      String node,
      RemoteToken via,
      Flux<String> frames);

  /** The open shells, oldest first. */
  List<OpenShell> sessions();

  /** Closes one for an admin; false when none of that id is open. */
  boolean close(String id, String by);

  /** The line the terminal shows last: why the shell ended or could not open. */
  static byte[] lastLine(String why) {
    return ("\r\n[pdm-gitops: " + why + "]\r\n").getBytes(StandardCharsets.UTF_8);
  }

  /** A shell that a limit refused: nothing was sent to the remote. */
  final class ShellRefusedException extends RuntimeException {
    public ShellRefusedException(String message) {
      super(message);
    }
  }
}
