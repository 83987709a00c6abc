package io.pdmgitops.model.load.semantic;

import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.desired.RemoteGroup;
import io.pdmgitops.model.load.Problem;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Remote groups and remote token lists fit together: a member is a Remote in Git, at most once per
 * group, and the token it names is one of that remote's; a remote names each of its tokens once.
 */
final class RemoteGroupCheck implements SemanticCheck {
  @Override
  public List<Problem> check(LoadedObjects objects) {
    List<Problem> problems = new ArrayList<>();
    for (var remote : objects.ofType(Kind.REMOTE, Remote.class)) {
      Set<String> names = new HashSet<>();
      List<Remote.NamedToken> tokens = remote.value().spec().tokens();
      for (int i = 0; i < tokens.size(); i++) {
        if (!names.add(tokens.get(i).name())) {
          problems.add(
              remote
                  .source()
                  .error(
                      "/spec/tokens/" + i + "/name",
                      "a second token named '" + tokens.get(i).name() + "'")
                  .withHint("token names are unique per remote: rename or remove one"));
        }
      }
    }
    for (var group : objects.ofType(Kind.REMOTE_GROUP, RemoteGroup.class)) {
      Set<String> seen = new HashSet<>();
      List<RemoteGroup.Member> members = group.value().spec().members();
      for (int i = 0; i < members.size(); i++) {
        RemoteGroup.Member member = members.get(i);
        String pointer = "/spec/members/" + i;
        if (!seen.add(member.remote())) {
          problems.add(
              group
                  .source()
                  .error(pointer + "/remote", "remote '" + member.remote() + "' is listed twice")
                  .withHint("list each remote once, with the token its requests use"));
          continue;
        }
        Optional<Remote> remote =
            objects.ofType(Kind.REMOTE, Remote.class).stream()
                .map(LoadedObjects.Typed::value)
                .filter(r -> r.metadata().name().equals(member.remote()))
                .findFirst();
        if (remote.isEmpty()) {
          problems.add(
              group
                  .source()
                  .error(pointer + "/remote", "no Remote named '" + member.remote() + "'")
                  .withHint(
                      Names.suggest(
                          member.remote(), Kind.REMOTE, objects.identities(Kind.REMOTE))));
          continue;
        }
        if (member.token().isPresent()
            && remote.get().spec().token(member.token().get()).isEmpty()) {
          List<String> known =
              remote.get().spec().tokens().stream().map(Remote.NamedToken::name).toList();
          problems.add(
              group
                  .source()
                  .error(
                      pointer + "/token",
                      "remote '"
                          + member.remote()
                          + "' has no token named '"
                          + member.token().get()
                          + "'")
                  .withHint(
                      known.isEmpty()
                          ? "declare it under the remote's spec.tokens, or leave token out to use"
                              + " the remote's default token"
                          : "its tokens: " + String.join(", ", known)));
        }
      }
    }
    return problems;
  }
}
