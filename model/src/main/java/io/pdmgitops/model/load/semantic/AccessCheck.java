package io.pdmgitops.model.load.semantic;

import io.pdmgitops.model.desired.AccessRule;
import io.pdmgitops.model.desired.Group;
import io.pdmgitops.model.desired.Guest;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.desired.Realm;
import io.pdmgitops.model.desired.RealmType;
import io.pdmgitops.model.desired.User;
import io.pdmgitops.model.load.LoadedObject;
import io.pdmgitops.model.load.Problem;
import io.pdmgitops.model.load.Suggestions;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who may do what must be unambiguous: every subject, member and path names something that exists,
 * users belong to a known realm, realm groups come from a realm that reports groups, and only local
 * users carry password hashes. Node names and remote groups in a path are not checked: nodes are
 * what a remote reports, not what Git declares, and remote groups have no kind yet.
 */
final class AccessCheck implements SemanticCheck {
  private static final Pattern REMOTE_PATH =
      Pattern.compile("^/remotes/([^/]+)(?:/guests(?:/([0-9]+))?|/nodes/[^/]+)?$");
  private static final Pattern ALL_GUESTS = Pattern.compile("^/remotes/[^/]+/guests$");
  private static final Pattern VIEW_PATH = Pattern.compile("^/views/([^/]+)$");
  private static final Pattern GROUP_PATH = Pattern.compile("^/groups/([^/]+)$");

  /** The superuser exists on every installation without a document. */
  private static final String SUPERUSER = "root@pam";

  @Override
  public List<Problem> check(LoadedObjects objects) {
    List<Problem> problems = new ArrayList<>();
    for (var realm : objects.ofType(Kind.REALM, Realm.class)) {
      builtInRealm(realm.value(), realm.source()).ifPresent(problems::add);
    }
    for (var user : objects.ofType(Kind.USER, User.class)) {
      userRealm(objects, user.value(), user.source(), problems);
      expiry(user.value(), user.source()).ifPresent(problems::add);
    }
    for (var group : objects.ofType(Kind.GROUP, Group.class)) {
      List<String> members = group.value().spec().members();
      for (int i = 0; i < members.size(); i++) {
        user(objects, group.source(), "/spec/members/" + i, members.get(i))
            .ifPresent(problems::add);
      }
      List<Group.RealmGroup> realmGroups = group.value().spec().realmGroups();
      if (members.isEmpty() && realmGroups.isEmpty()) {
        problems.add(
            group
                .source()
                .warning("/spec", "the group has no members and no realmGroups: it grants nothing")
                .withHint(
                    "list users under 'members:' (name@realm), or groups of an ldap, ad or openid"
                        + " realm under 'realmGroups:'"));
      }
      for (int i = 0; i < realmGroups.size(); i++) {
        realmGroup(objects, group.source(), "/spec/realmGroups/" + i, realmGroups.get(i))
            .ifPresent(problems::add);
      }
    }
    for (var rule : objects.ofType(Kind.ACCESS_RULE, AccessRule.class)) {
      rule(objects, rule.value(), rule.source(), problems);
    }
    return problems;
  }

  /** Only a realm that reports groups at login can be mapped: ldap, ad or openid. */
  private static Optional<Problem> realmGroup(
      LoadedObjects objects, LoadedObject source, String pointer, Group.RealmGroup mapped) {
    Optional<LoadedObject> realm = objects.find(Kind.REALM, mapped.realm());
    boolean local =
        realm
            .map(r -> ((Realm) r.object()).spec().type() == RealmType.PDM)
            .orElse(Realm.BUILT_IN.contains(mapped.realm()));
    if (local) {
      return Optional.of(
          source
              .error(
                  pointer + "/realm",
                  "realm '" + mapped.realm() + "' has its users in Git and reports no groups")
              .withHint("list its users under members, or name an ldap, ad or openid realm"));
    }
    if (realm.isEmpty()) {
      return Optional.of(
          source
              .error(pointer + "/realm", "no Realm named '" + mapped.realm() + "'")
              .withHint(Names.suggest(mapped.realm(), Kind.REALM, objects.identities(Kind.REALM))));
    }
    return Optional.empty();
  }

  private static Optional<Problem> builtInRealm(Realm realm, LoadedObject source) {
    String name = realm.metadata().name();
    if (name.equals("pam")) {
      return Optional.of(
          source
              .error("/metadata/name", "'pam' is a built-in realm and cannot be declared")
              .withHint("remove this document; users with realm pam need no Realm"));
    }
    if (name.equals("pdm") && realm.spec().type() != RealmType.PDM) {
      return Optional.of(
          source
              .error("/spec/type", "the built-in realm 'pdm' is the local realm; its type is pdm")
              .withHint("give the " + realm.spec().type().wire() + " realm another name"));
    }
    return Optional.empty();
  }

  private static Optional<Problem> expiry(User user, LoadedObject source) {
    Optional<String> expire = user.spec().expire();
    if (expire.isEmpty()) {
      return Optional.empty();
    }
    try {
      if (expire.get().length() == 10) {
        LocalDate.parse(expire.get());
      } else {
        OffsetDateTime.parse(expire.get());
      }
      return Optional.empty();
    } catch (DateTimeParseException e) {
      return Optional.of(
          source
              .error("/spec/expire", "'" + expire.get() + "' is not a valid date")
              .withHint(
                  "write a calendar date such as 2027-06-30, or a time such as 2027-06-30T18:00:00Z"));
    }
  }

  private static void userRealm(
      LoadedObjects objects, User user, LoadedObject source, List<Problem> problems) {
    String realm = user.spec().realm();
    Optional<LoadedObject> declared = objects.find(Kind.REALM, realm);
    if (!objects.declares(Kind.REALM, realm) && !Realm.BUILT_IN.contains(realm)) {
      List<String> known = new ArrayList<>(objects.identities(Kind.REALM));
      known.addAll(Realm.BUILT_IN);
      problems.add(
          source
              .error("/spec/realm", "no Realm named '" + realm + "'")
              .withHint(
                  Suggestions.closest(realm, known)
                      .map(c -> "did you mean '" + c + "'?")
                      .orElse(
                          "pdm and pam are built in; declare '"
                              + realm
                              + "' as a Realm document (kind: Realm)")));
      return;
    }
    Set<String> tokenNames = new HashSet<>();
    List<User.Token> tokens = user.spec().tokens();
    for (int i = 0; i < tokens.size(); i++) {
      String name = tokens.get(i).name();
      if (!tokenNames.add(name)) {
        problems.add(
            source
                .error("/spec/tokens/" + i + "/name", "a second token named '" + name + "'")
                .withHint("token names are unique per user: rename or remove one"));
      }
    }
    boolean local =
        declared
            .map(r -> ((Realm) r.object()).spec().type() == RealmType.PDM)
            .orElse(realm.equals("pdm"));
    if (user.spec().passwordHash().isPresent() && !local) {
      problems.add(
          source
              .error(
                  "/spec/passwordHash",
                  "a password hash is only for users of the local realm; realm '"
                      + realm
                      + "' checks passwords itself")
              .withHint("remove passwordHash, or move the user to the pdm realm"));
    }
  }

  private static void rule(
      LoadedObjects objects, AccessRule rule, LoadedObject source, List<Problem> problems) {
    AccessRule.Subject subject = rule.spec().subject();
    subject
        .user()
        .flatMap(
            u ->
                u.equals(SUPERUSER)
                    ? Optional.empty()
                    : user(objects, source, "/spec/subject/user", u))
        .ifPresent(problems::add);
    subject
        .group()
        .filter(g -> !objects.declares(Kind.GROUP, g))
        .map(
            g ->
                source
                    .error("/spec/subject/group", "no Group named '" + g + "'")
                    .withHint(Names.suggest(g, Kind.GROUP, objects.identities(Kind.GROUP))))
        .ifPresent(problems::add);
    path(objects, rule.spec().path(), source).ifPresent(problems::add);
    if (!rule.spec().propagates() && ALL_GUESTS.matcher(rule.spec().path()).matches()) {
      // No resource has this path: it only stands above the guests, and the rule stops there.
      problems.add(
          source
              .warning(
                  "/spec/propagate",
                  "a rule on " + rule.spec().path() + " that does not propagate grants nothing")
              .withHint(
                  "remove 'propagate: false' to cover every guest, or name one guest: "
                      + rule.spec().path()
                      + "/{vmid}"));
    }
  }

  private static Optional<Problem> path(LoadedObjects objects, String path, LoadedObject source) {
    Matcher remote = REMOTE_PATH.matcher(path);
    if (remote.matches()) {
      String name = remote.group(1);
      if (!objects.declares(Kind.REMOTE, name)) {
        return Optional.of(
            source
                .error("/spec/path", "path names remote '" + name + "', which is not in Git")
                .withHint(Names.suggest(name, Kind.REMOTE, objects.identities(Kind.REMOTE))));
      }
      String vmid = remote.group(2);
      if (vmid != null && !guestDeclared(objects, name, Long.parseLong(vmid))) {
        return Optional.of(
            source
                .warning(
                    "/spec/path",
                    "no Guest in Git has vmid "
                        + vmid
                        + " on '"
                        + name
                        + "'; the rule grants"
                        + " access to an unmanaged guest")
                .withHint("check the vmid, or declare the guest"));
      }
      return Optional.empty();
    }
    Matcher view = VIEW_PATH.matcher(path);
    if (view.matches() && !objects.declares(Kind.VIEW, view.group(1))) {
      return Optional.of(
          source
              .error("/spec/path", "path names view '" + view.group(1) + "', which is not in Git")
              .withHint(Names.suggest(view.group(1), Kind.VIEW, objects.identities(Kind.VIEW))));
    }
    Matcher group = GROUP_PATH.matcher(path);
    if (group.matches() && !objects.declares(Kind.REMOTE_GROUP, group.group(1))) {
      return Optional.of(
          source
              .error(
                  "/spec/path",
                  "path names remote group '" + group.group(1) + "', which is not in Git")
              .withHint(
                  Names.suggest(
                      group.group(1), Kind.REMOTE_GROUP, objects.identities(Kind.REMOTE_GROUP))));
    }
    return Optional.empty();
  }

  private static boolean guestDeclared(LoadedObjects objects, String remote, long vmid) {
    return objects.ofType(Kind.GUEST, Guest.class).stream()
        .anyMatch(g -> g.value().spec().remote().equals(remote) && g.value().spec().vmid() == vmid);
  }

  private static Optional<Problem> user(
      LoadedObjects objects, LoadedObject source, String pointer, String userId) {
    if (objects.declares(Kind.USER, userId)) {
      return Optional.empty();
    }
    return Optional.of(
        source
            .error(pointer, "no User '" + userId + "' in Git")
            .withHint(Names.suggest(userId, Kind.USER, objects.identities(Kind.USER))));
  }
}
