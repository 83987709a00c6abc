package io.pdmgitops.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.web.server.PortInUseException;

/** What the jar prints when it cannot do its job: one line an operator can act on, or a stack. */
class FailureReasonTest {
  @Test
  void aPortInUseNamesThePortAndTheWayOut() {
    var e = new RuntimeException(new PortInUseException(8443, new java.net.BindException("x")));

    assertThat(PdmGitopsCommand.reason(e))
        .contains(
            "port 8443 is already in use: stop what listens there, or pick another with --port");
  }

  @Test
  void aFileProblemSaysWhatHappenedToTheFile() {
    assertThat(PdmGitopsCommand.reason(new NoSuchFileException("/etc/pdm/token")))
        .contains("/etc/pdm/token: NoSuchFileException");
    assertThat(PdmGitopsCommand.reason(new AccessDeniedException("/data", null, "not writable")))
        .contains("/data: not writable");
  }

  @Test
  void aSecondControllerOnTheSameDataDirectoryIsToldWhoHoldsIt() {
    var e =
        new IllegalStateException(
            "cannot migrate the status store",
            new java.sql.SQLNonTransientConnectionException(
                "Database may be already in use: \"/var/lib/pdm/status.mv.db\". Possible"
                    + " solutions: close all other connection(s); use the server mode",
                "90020",
                90020));

    assertThat(PdmGitopsCommand.reason(e))
        .contains(
            "the status store /var/lib/pdm/status.mv.db is in use by another controller on the"
                + " same data directory: stop that one, or give this one its own --data-dir");
  }

  @Test
  void aRefusedStartInsideSpringGivesItsOwnMessage() {
    var e =
        new BeanCreationException(
            "loop",
            "wrapped",
            new IllegalStateException("the repository token (pdm.repository.token-env ...)"));

    assertThat(PdmGitopsCommand.reason(e))
        .contains("the repository token (pdm.repository.token-env ...)");
  }

  @Test
  void aBugKeepsItsStack() {
    assertThat(PdmGitopsCommand.reason(new NullPointerException())).isEmpty();
    assertThat(PdmGitopsCommand.reason(new IllegalStateException())).isEmpty();
  }
}
