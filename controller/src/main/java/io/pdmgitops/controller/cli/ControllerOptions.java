package io.pdmgitops.controller.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * How the commands that talk to a running controller reach it: its URL, an API token, and how to
 * trust its certificate. The token is best given by environment or file: a command line is visible
 * to every user of the machine.
 */
final class ControllerOptions {
  @Option(
      names = "--controller",
      paramLabel = "URL",
      defaultValue = "${env:PDM_GITOPS_CONTROLLER}",
      description =
          "The controller's URL, e.g. https://pdm.example.com:8443 (default:"
              + " $PDM_GITOPS_CONTROLLER). Plain http only to this machine.")
  String url;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      defaultValue = "${env:PDM_GITOPS_TOKEN}",
      description =
          "API token USER@REALM!NAME=SECRET (default: $PDM_GITOPS_TOKEN). Prefer the variable or"
              + " --token-file: arguments are visible to other users.")
  String token;

  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      description = "Read the API token from this file.")
  Path tokenFile;

  @Option(
      names = "--fingerprint",
      paramLabel = "SHA256",
      defaultValue = "${env:PDM_GITOPS_FINGERPRINT}",
      description =
          "Trust the controller's certificate by its SHA-256 fingerprint, as its start prints it"
              + " (default: $PDM_GITOPS_FINGERPRINT).")
  String fingerprint;

  @Option(
      names = "--cacert",
      paramLabel = "FILE",
      description = "Trust certificates signed by the CA in this PEM file (else the system's).")
  Path caCertificate;
}
