package io.pdmgitops.model.access;

import io.pdmgitops.model.DesiredState;
import io.pdmgitops.model.desired.AccessRule;
import io.pdmgitops.model.desired.Group;
import io.pdmgitops.model.desired.RemoteGroup;
import io.pdmgitops.model.desired.Role;
import io.pdmgitops.model.desired.User;
import io.pdmgitops.model.fleet.FleetResource;
import io.pdmgitops.model.fleet.ViewFilter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who may see and do what, from the users, groups, access rules and views of one snapshot. Built
 * once per snapshot, immutable and safe to share between threads; a query reads a few maps and, for
 * expiry, the clock.
 *
 * <ol>
 *   <li>A user's rules are their own rules plus the rules of every Group that lists them, or that
 *       maps one of the groups their realm reported at login ({@link Caller#realmGroups()}, matched
 *       against {@code realmGroups} of the same realm: without regard to case for ldap and ad,
 *       exactly for openid).
 *   <li>Only declared Users have roles, and users of a directory or OpenID Connect realm whose
 *       reported groups map to a Group; an openid realm with {@code autocreate} admits anyone it
 *       authenticates, with no role until a Group or User gives one. A declared user who is
 *       disabled ({@code enabled: false}) or whose {@code expire} has passed has none, whatever the
 *       rules and groups say. {@code root@pam} is no exception: without a User document it has no
 *       role (the superuser of PDM has no meaning here).
 *   <li>The role at a path comes from the walk from that path up to {@code /}: the deepest path
 *       with a rule that applies decides, and what is above it no longer counts. A deeper rule
 *       replaces an inherited one also when it grants less, as in PDM and PVE.
 *   <li>A rule with {@code propagate: false} applies only at exactly its path. Below it, it is as
 *       if it were not there: the walk goes on upwards (PVE's reading).
 *   <li>At the deciding path, rules that name the user win over rules of their groups (as in PVE);
 *       among several rules of the same kind the highest role wins.
 *   <li>{@code /} covers everything, {@code /system}, {@code /access} and every view included;
 *       {@code /remotes} covers every remote, {@code /remotes/{r}} its nodes, storages, datastores
 *       and guests (see {@link AccessPath#of(FleetResource)}).
 *   <li>View capability (PDM's): a role on {@code /views/{view}}, inherited or not, lets the user
 *       open that view and see every resource its filter matches. That grants {@link
 *       Permission#READ} on those resources and never more, whatever the role: a view is a
 *       selection for looking at, and an Admin rule on a dashboard must not become power over the
 *       guests that a tag added later puts on it.
 *   <li>A token ({@code user@realm!name}, declared under its User) acts with its user's roles while
 *       both are active. A narrowed token ({@link Caller#narrowedTo()}, the token's {@code path})
 *       has its user's role on paths within its path and nothing elsewhere. Resources reached
 *       through a view count only when the view's path is within the token's path.
 *   <li>Remote groups (the design notes'): a role on {@code /groups/{g}}, found by the same walk
 *       ({@code /groups/{g}}, {@code /groups}, {@code /}), reaches every member remote of g and
 *       everything below it, beside the role the remote's own paths give; the higher of the two
 *       counts. A request that only the group's role allows goes to the remote with the token the
 *       group names for it ({@link #tokenFor}), so the remote limits it too. A narrowed token
 *       reaches through a group only when it is narrowed to that group's path or above.
 *   <li>A request needs a {@link Permission}; a role grants its own and those below it.
 * </ol>
 */
public final class AccessPolicy {
  /** Entitlements of callers with realm groups kept at most; beyond, the memo starts afresh. */
  static final int MAX_REMEMBERED_CALLERS = 4096;

  private final Clock clock;
  private final Map<String, Account> accounts;
  private final Map<String, Entitlement> entitlements;
  private final Map<String, TokenGrant> tokens;
  private final RealmGroups realmGroups;
  private final Map<String, List<Grants.Rule>> directRules;
  private final Map<String, List<Grants.Rule>> groupRules;
  private final List<ViewGrant> allViews;
  private final Map<String, List<Membership>> remoteGroups;
  private final Map<Caller, Entitlement> remembered = new ConcurrentHashMap<>();

  /** A view the user holds a role on, with the filter that decides what it shows. */
  private record ViewGrant(String name, AccessPath path, ViewFilter filter) {}

  /** A remote's place in a remote group, sorted by group name per remote. */
  private record Membership(AccessPath group, RemoteToken token) {}

  /** What one user may reach: roles by path, and the views a role opens. */
  private record Entitlement(Grants grants, List<ViewGrant> views) {
    static final Entitlement NONE = new Entitlement(Grants.NONE, List.of());

    static Entitlement of(Grants grants, List<ViewGrant> allViews) {
      return new Entitlement(
          grants, allViews.stream().filter(v -> grants.roleAt(v.path()).isPresent()).toList());
    }
  }

  private AccessPolicy(
      Clock clock,
      Map<String, Account> accounts,
      Map<String, Entitlement> entitlements,
      Map<String, TokenGrant> tokens,
      RealmGroups realmGroups,
      Map<String, List<Grants.Rule>> directRules,
      Map<String, List<Grants.Rule>> groupRules,
      List<ViewGrant> allViews,
      Map<String, List<Membership>> remoteGroups) {
    this.clock = clock;
    this.accounts = Map.copyOf(accounts);
    this.entitlements = Map.copyOf(entitlements);
    this.tokens = Map.copyOf(tokens);
    this.realmGroups = realmGroups;
    this.directRules = Map.copyOf(directRules);
    this.groupRules = Map.copyOf(groupRules);
    this.allViews = List.copyOf(allViews);
    this.remoteGroups = Map.copyOf(remoteGroups);
  }

  /**
   * @param clock decides whether an {@code expire} has passed, at each query: a policy outlives the
   *     moment it was built
   * @throws IllegalArgumentException when a rule's path is not an ACL path (a loaded snapshot never
   *     has one)
   */
  public static AccessPolicy of(DesiredState state, Clock clock) {
    Objects.requireNonNull(clock, "clock");
    Map<String, List<Grants.Rule>> byUser = new HashMap<>();
    Map<String, List<Grants.Rule>> byGroup = new HashMap<>();
    for (AccessRule rule : state.accessRules()) {
      Grants.Rule parsed = Grants.Rule.of(rule);
      AccessRule.Subject subject = rule.spec().subject();
      subject.user().ifPresent(u -> byUser.computeIfAbsent(u, k -> new ArrayList<>()).add(parsed));
      subject
          .group()
          .ifPresent(g -> byGroup.computeIfAbsent(g, k -> new ArrayList<>()).add(parsed));
    }
    Map<String, List<Grants.Rule>> viaGroups = new HashMap<>();
    for (Group group : state.groups()) {
      List<Grants.Rule> rules = byGroup.getOrDefault(group.metadata().name(), List.of());
      for (String member : group.spec().members()) {
        viaGroups.computeIfAbsent(member, k -> new ArrayList<>()).addAll(rules);
      }
    }
    List<ViewGrant> allViews =
        state.views().stream()
            .map(
                v ->
                    new ViewGrant(
                        v.metadata().name(),
                        AccessPath.view(v.metadata().name()),
                        ViewFilter.of(v)))
            .toList();
    Map<String, Account> accounts = new HashMap<>();
    Map<String, Entitlement> entitlements = new HashMap<>();
    Map<String, TokenGrant> tokens = new HashMap<>();
    for (User user : state.users()) {
      String id = user.identity();
      if (accounts.containsKey(id)) {
        continue; // the loader reports duplicates; the first declaration wins, as in its index
      }
      accounts.put(id, Account.of(user));
      Grants mine =
          Grants.of(byUser.getOrDefault(id, List.of()), viaGroups.getOrDefault(id, List.of()));
      entitlements.put(id, Entitlement.of(mine, allViews));
      for (User.Token token : user.spec().tokens()) {
        TokenGrant grant = TokenGrant.of(user, token);
        tokens.putIfAbsent(grant.tokenId(), grant);
      }
    }
    Map<String, List<Membership>> remoteGroups = new HashMap<>();
    for (RemoteGroup group : state.remoteGroups()) {
      String name = group.metadata().name();
      for (RemoteGroup.Member member : group.spec().members()) {
        remoteGroups
            .computeIfAbsent(member.remote(), k -> new ArrayList<>())
            .add(new Membership(AccessPath.group(name), RemoteToken.through(name, member.token())));
      }
    }
    remoteGroups.replaceAll(
        (remote, list) ->
            list.stream()
                .sorted(java.util.Comparator.comparing(m -> m.group().toString()))
                .toList());
    return new AccessPolicy(
        clock,
        accounts,
        entitlements,
        tokens,
        RealmGroups.of(state),
        byUser,
        byGroup,
        allViews,
        remoteGroups);
  }

  /**
   * What the caller may reach: a declared user's own and group rules, plus the rules of the Groups
   * their realm groups map to. Callers with realm groups are worked out once per policy and
   * remembered (a bounded memo: a policy lasts one snapshot).
   */
  private Entitlement entitlement(Caller caller) {
    if (caller.realmGroups().isEmpty()) {
      return entitlements.getOrDefault(caller.userId(), Entitlement.NONE);
    }
    Entitlement known = remembered.get(caller);
    if (known != null) {
      return known;
    }
    if (remembered.size() >= MAX_REMEMBERED_CALLERS) {
      remembered.clear();
    }
    List<Grants.Rule> viaGroups = new ArrayList<>();
    for (String group : groupsOf(caller)) {
      viaGroups.addAll(groupRules.getOrDefault(group, List.of()));
    }
    Entitlement computed =
        Entitlement.of(
            Grants.of(directRules.getOrDefault(caller.userId(), List.of()), viaGroups), allViews);
    remembered.put(caller, computed);
    return computed;
  }

  /** Every Group the caller belongs to: listed as a member, or through a realm group. */
  public java.util.SortedSet<String> groupsOf(Caller caller) {
    java.util.SortedSet<String> groups = new java.util.TreeSet<>(realmGroups.membersOf(caller));
    groups.addAll(realmGroups.listing(caller.userId()));
    return groups;
  }

  /**
   * The token with this id ({@code user@realm!name}) while it and its user are active; its secret
   * is checked by the caller.
   */
  public Optional<TokenGrant> activeToken(String tokenId) {
    TokenGrant grant = tokens.get(tokenId);
    if (grant == null || !grant.activeAt(clock.instant()) || !isActive(grant.caller().userId())) {
      return Optional.empty();
    }
    return Optional.of(grant);
  }

  /** Whether the user is declared, enabled and not expired. */
  public boolean isActive(String userId) {
    Account account = accounts.get(userId);
    return account != null && account.activeAt(clock.instant());
  }

  /**
   * Whether the caller may act at all: a declared user while enabled and not expired (whatever
   * their realm groups say); an undeclared one while a realm group of theirs maps to a Group, or
   * their realm admits anyone it authenticates.
   */
  public boolean isActive(Caller caller) {
    Account account = accounts.get(caller.userId());
    if (account != null) {
      return account.activeAt(clock.instant());
    }
    return realmGroups.admitsAnyone(caller.realm()) || !realmGroups.membersOf(caller).isEmpty();
  }

  public Optional<Role> roleAt(String userId, AccessPath path) {
    return roleAt(Caller.user(userId), path);
  }

  /**
   * The caller's role at the path, from the rules alone (views grant nothing on paths): the path's
   * own role or, within a remote, a remote group's role on it, whichever is higher.
   */
  public Optional<Role> roleAt(Caller caller, AccessPath path) {
    if (!isActive(caller)) {
      return Optional.empty();
    }
    Grants mine = entitlement(caller).grants();
    Role best = caller.reaches(path) ? mine.roleAt(path).orElse(null) : null;
    for (Membership m : memberships(path)) {
      Role viaGroup = caller.reaches(m.group()) ? mine.roleAt(m.group()).orElse(null) : null;
      if (viaGroup != null && (best == null || viaGroup.compareTo(best) > 0)) {
        best = viaGroup;
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * Which token carries a request the caller makes at a path within a remote: the remote's default
   * token when the path's own rules allow it, else the token of the first remote group (by name)
   * whose role allows it. Empty when nothing allows it, or the path lies in no remote.
   */
  public Optional<RemoteToken> tokenFor(Caller caller, AccessPath path, Permission permission) {
    if (path.remote().isEmpty() || !isActive(caller)) {
      return Optional.empty();
    }
    Grants mine = entitlement(caller).grants();
    if (caller.reaches(path) && mine.roleAt(path).map(permission::grantedBy).orElse(false)) {
      return Optional.of(RemoteToken.DEFAULT);
    }
    for (Membership m : memberships(path)) {
      if (caller.reaches(m.group())
          && mine.roleAt(m.group()).map(permission::grantedBy).orElse(false)) {
        return Optional.of(m.token());
      }
    }
    return Optional.empty();
  }

  private List<Membership> memberships(AccessPath path) {
    return path.remote().map(r -> remoteGroups.getOrDefault(r, List.of())).orElse(List.of());
  }

  public boolean allows(String userId, AccessPath path, Permission permission) {
    return allows(Caller.user(userId), path, permission);
  }

  public boolean allows(Caller caller, AccessPath path, Permission permission) {
    return roleAt(caller, path).map(permission::grantedBy).orElse(false);
  }

  public boolean allows(String userId, FleetResource resource, Permission permission) {
    return allows(Caller.user(userId), resource, permission);
  }

  /** As for its path, plus {@link Permission#READ} when a view the caller holds matches it. */
  public boolean allows(Caller caller, FleetResource resource, Permission permission) {
    return allows(caller, AccessPath.of(resource), permission)
        || (permission == Permission.READ && throughView(caller, resource));
  }

  public boolean canSee(String userId, FleetResource resource) {
    return canSee(Caller.user(userId), resource);
  }

  /**
   * Whether the row may be listed, counted or shown to the caller: its path or a view allows it.
   */
  public boolean canSee(Caller caller, FleetResource resource) {
    return allows(caller, resource, Permission.READ);
  }

  private boolean throughView(Caller caller, FleetResource resource) {
    if (!isActive(caller)) {
      return false;
    }
    for (ViewGrant view : entitlement(caller).views()) {
      if (caller.reaches(view.path()) && view.filter().matches(resource)) {
        return true;
      }
    }
    return false;
  }

  public List<String> viewsFor(String userId) {
    return viewsFor(Caller.user(userId));
  }

  /** The views the caller may open, by name in the snapshot's order. */
  public List<String> viewsFor(Caller caller) {
    if (!isActive(caller)) {
      return List.of();
    }
    return entitlement(caller).views().stream()
        .filter(v -> caller.reaches(v.path()))
        .map(ViewGrant::name)
        .toList();
  }

  public boolean seesAnythingUnder(String userId, AccessPath path) {
    return seesAnythingUnder(Caller.user(userId), path);
  }

  /**
   * Whether the caller may see at least one thing at or below the path, for menus: a role there or
   * a rule somewhere below. A resource seen only through a view counts under {@code /views}, not
   * under its remote: ask {@link #canSee} per row for that.
   */
  public boolean seesAnythingUnder(Caller caller, AccessPath path) {
    AccessPath scope = path;
    if (caller.narrowedTo().isPresent()) {
      AccessPath narrowed = caller.narrowedTo().get();
      if (narrowed.isWithin(path)) {
        scope = narrowed;
      } else if (!path.isWithin(narrowed)) {
        return false;
      }
    }
    if (!isActive(caller)) {
      return false;
    }
    Grants mine = entitlement(caller).grants();
    if (mine.roleAt(scope).isPresent() || mine.anyRuleBelow(scope)) {
      return true;
    }
    for (Map.Entry<String, List<Membership>> e : remoteGroups.entrySet()) {
      AccessPath remote = AccessPath.remote(e.getKey());
      if (remote.isWithin(scope) || scope.isWithin(remote)) {
        for (Membership m : e.getValue()) {
          if (caller.reaches(m.group()) && mine.roleAt(m.group()).isPresent()) {
            return true;
          }
        }
      }
    }
    return false;
  }

  public boolean seesAnything(String userId) {
    return seesAnything(Caller.user(userId));
  }

  /** Whether the caller may see anything at all; a caller who may not has no page to open. */
  public boolean seesAnything(Caller caller) {
    return seesAnythingUnder(caller, AccessPath.ROOT);
  }

  /** The active users with Admin on {@code /}, sorted: the bootstrap credential lasts until one. */
  public List<String> admins() {
    return entitlements.keySet().stream()
        .sorted()
        .filter(id -> roleAt(id, AccessPath.ROOT).filter(r -> r == Role.ADMIN).isPresent())
        .toList();
  }

  public boolean hasAdminOnRoot() {
    return !admins().isEmpty();
  }
}
