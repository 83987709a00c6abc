package io.pdmgitops.controller.cli;

import io.pdmgitops.webui.api.ResourceView;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code sync [RESOURCE]}: reconcile now. Without a resource a full cycle starts; with a guest, a
 * failure that holds its action back is forgotten so the action is tried again.
 */
@Command(
    name = "sync",
    mixinStandardHelpOptions = true,
    description =
        "Reconcile now: the whole fleet, or one guest (forgetting a failure that holds it).",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:started", "2:unknown resource, or the controller refused"})
final class SyncCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Mixin ControllerOptions controller;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "RESOURCE",
      description = "A guest as Guest/name; none for the whole fleet.")
  String resource;

  @Override
  public Integer call() throws IOException {
    ControllerClient client = ControllerClient.of(controller);
    String path = "/api/v1/sync";
    if (resource != null) {
      ResourceView r = Remote.resource(client, resource);
      if (!r.kind().equals("Guest") || r.remote().isEmpty() || r.vmid().isEmpty()) {
        throw new IllegalArgumentException(
            r.kind()
                + "/"
                + r.name()
                + " is not a guest: sync without a resource for a full cycle");
      }
      path = "/api/v1/guests/" + r.remote().get() + "/" + r.vmid().get() + "/sync";
    }
    ControllerClient.Answer answer = client.post(path, Optional.empty(), Remote.TIMEOUT);
    if (!answer.ok()) {
      return Remote.failed(spec, "sync", answer);
    }
    spec.commandLine()
        .getOut()
        .println(ControllerClient.JSON.readTree(answer.body()).path("message").asString());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
