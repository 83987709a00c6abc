package io.pdmgitops.controller.cli;

import io.pdmgitops.controller.security.TokenSecret;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code new-token USER@REALM NAME}: a new API token secret and the YAML that declares it. The
 * secret goes to the terminal once, for the person to put into their CI's secret store; only its
 * hash goes into Git. Nothing is written anywhere.
 */
@Command(
    name = "new-token",
    mixinStandardHelpOptions = true,
    description = {
      "Make a new API token secret for a User and print the lines to add under its spec.",
      "The secret is printed once and kept nowhere; Git gets only its SHA-256."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:printed", "2:the user id or token name is not valid"})
final class NewTokenCommand implements Callable<Integer> {
  static final Pattern USER_ID =
      Pattern.compile("^[A-Za-z0-9_][A-Za-z0-9._-]*@[A-Za-z0-9_][A-Za-z0-9._-]{1,31}$");
  static final Pattern NAME = Pattern.compile("^[A-Za-z][A-Za-z0-9._-]{1,63}$");

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "USER@REALM", description = "The user the token acts for.")
  String userId;

  @Parameters(index = "1", paramLabel = "NAME", description = "The token's name, unique per user.")
  String name;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!USER_ID.matcher(userId).matches()) {
      err.println("not a user id: expected NAME@REALM, e.g. ci@pdm");
      return PdmGitopsCommand.CANNOT;
    }
    if (!NAME.matcher(name).matches()) {
      err.println(
          "not a token name: a letter, then 1 to 63 letters, digits, '.', '_' or '-', e.g. deploy");
      return PdmGitopsCommand.CANNOT;
    }
    String secret = TokenSecret.generate();
    String tokenId = userId + "!" + name;
    out.println("Token " + tokenId + ": add under the User's spec, commit and push:");
    out.println();
    out.println("  tokens:");
    out.println("    - name: " + name);
    out.println("      secretHash: " + TokenSecret.hash(secret));
    out.println();
    out.println("Then call the API with this header (the secret is shown only now):");
    out.println();
    out.println("  Authorization: PDMAPIToken=" + tokenId + "=" + secret);
    out.println();
    out.println(
        "Prometheus: authorization: {type: Bearer, credentials: " + tokenId + "=" + secret + "}");
    out.flush();
    return 0;
  }
}
