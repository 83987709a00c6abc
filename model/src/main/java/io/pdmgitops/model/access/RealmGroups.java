package io.pdmgitops.model.access;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.desired.DirectoryRealmSpec;
import io.pdmgitops.model.desired.Group;
import io.pdmgitops.model.desired.OpenIdRealmSpec;
import io.pdmgitops.model.desired.Realm;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Group membership of one snapshot: who each Group lists, which realm groups it maps, and which
 * realms admit users Git does not declare. Directory group names (DNs, cn values) compare without
 * regard to case or the spaces around a DN's commas, as LDAP does; an OpenID Connect claim value
 * compares exactly.
 */
final class RealmGroups {
  /** "cn=Ops, ou=Groups" and "cn=ops,ou=groups" name the same directory entry. */
  private static final Pattern SPACE_IN_DN = Pattern.compile("\\s*([,=+])\\s*");

  private final Map<String, Set<String>> listedIn;
  private final Map<String, Set<String>> mapped;
  private final Set<String> caseInsensitiveRealms;
  private final Set<String> openRealms;

  private RealmGroups(
      Map<String, Set<String>> listedIn,
      Map<String, Set<String>> mapped,
      Set<String> caseInsensitiveRealms,
      Set<String> openRealms) {
    this.listedIn = Map.copyOf(listedIn);
    this.mapped = Map.copyOf(mapped);
    this.caseInsensitiveRealms = Set.copyOf(caseInsensitiveRealms);
    this.openRealms = Set.copyOf(openRealms);
  }

  static RealmGroups of(DesiredState state) {
    Set<String> caseInsensitive = new HashSet<>();
    Set<String> open = new HashSet<>();
    for (Realm realm : state.realms()) {
      if (realm.spec() instanceof DirectoryRealmSpec) {
        caseInsensitive.add(realm.metadata().name());
      }
      if (realm.spec() instanceof OpenIdRealmSpec openId && openId.autocreate().orElse(false)) {
        open.add(realm.metadata().name());
      }
    }
    Map<String, Set<String>> listedIn = new HashMap<>();
    Map<String, Set<String>> mapped = new HashMap<>();
    for (Group group : state.groups()) {
      String name = group.metadata().name();
      for (String member : group.spec().members()) {
        listedIn.computeIfAbsent(member, k -> new TreeSet<>()).add(name);
      }
      for (Group.RealmGroup realmGroup : group.spec().realmGroups()) {
        String key = key(realmGroup.realm(), realmGroup.name(), caseInsensitive);
        mapped.computeIfAbsent(key, k -> new TreeSet<>()).add(name);
      }
    }
    return new RealmGroups(listedIn, mapped, caseInsensitive, open);
  }

  /** The Groups that list the user by id. */
  Set<String> listing(String userId) {
    return listedIn.getOrDefault(userId, Set.of());
  }

  /** The Groups that map one of the realm groups the caller's realm reported. */
  Set<String> membersOf(Caller caller) {
    if (caller.realmGroups().isEmpty()) {
      return Set.of();
    }
    Set<String> groups = new TreeSet<>();
    for (String reported : caller.realmGroups()) {
      groups.addAll(
          mapped.getOrDefault(key(caller.realm(), reported, caseInsensitiveRealms), Set.of()));
    }
    return groups;
  }

  /** Whether the realm admits anyone it authenticates ({@code autocreate: true}). */
  boolean admitsAnyone(String realm) {
    return openRealms.contains(realm);
  }

  private static String key(String realm, String group, Set<String> caseInsensitive) {
    String name =
        caseInsensitive.contains(realm)
            ? SPACE_IN_DN.matcher(group.strip().toLowerCase(Locale.ROOT)).replaceAll("$1")
            : group;
    return realm + "\n" + name;
  }
}
