package io.pdmgitops.model;

import io.pdmgitops.model.desired.AccessRule;
import io.pdmgitops.model.desired.DesiredObject;
import io.pdmgitops.model.desired.Group;
import io.pdmgitops.model.desired.Guest;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.desired.Realm;
import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.desired.RemoteGroup;
import io.pdmgitops.model.desired.User;
import io.pdmgitops.model.desired.View;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An immutable, validated snapshot of everything one commit declares. Only a snapshot without
 * errors exists; the controller acts on nothing else.
 *
 * @param configurations objects of the kinds that configure a remote (backup jobs, firewall
 *     options...), by kind then identity: kinds are added without a list of their own here
 * @param sources where each object is declared, for links back to the file and line
 */
public record DesiredState(
    List<Remote> remotes,
    List<Guest> guests,
    List<View> views,
    List<User> users,
    List<Group> groups,
    List<AccessRule> accessRules,
    List<Realm> realms,
    List<RemoteGroup> remoteGroups,
    List<DesiredObject> configurations,
    Map<ObjectRef, SourceLocation> sources) {

  /** The kinds with a list of their own; every other kind is a configuration. */
  private static final Set<Class<?>> BUILT_IN =
      Set.of(
          Remote.class,
          Guest.class,
          View.class,
          User.class,
          Group.class,
          AccessRule.class,
          Realm.class,
          RemoteGroup.class);

  private static final Comparator<DesiredObject> BY_IDENTITY =
      Comparator.comparing(DesiredObject::identity);

  public DesiredState {
    remotes = sorted(remotes);
    guests = sorted(guests);
    views = sorted(views);
    users = sorted(users);
    groups = sorted(groups);
    accessRules = sorted(accessRules);
    realms = sorted(realms);
    remoteGroups = sorted(remoteGroups);
    configurations =
        configurations.stream()
            .sorted(Comparator.comparing((DesiredObject o) -> o.kind()).thenComparing(BY_IDENTITY))
            .toList();
    sources = Map.copyOf(sources);
  }

  public static DesiredState empty() {
    return new DesiredState(
        List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of(), Map.of());
  }

  /** Builds a snapshot from objects of any kind. */
  public static DesiredState of(List<DesiredObject> objects, Map<ObjectRef, SourceLocation> at) {
    return new DesiredState(
        only(objects, Remote.class),
        only(objects, Guest.class),
        only(objects, View.class),
        only(objects, User.class),
        only(objects, Group.class),
        only(objects, AccessRule.class),
        only(objects, Realm.class),
        only(objects, RemoteGroup.class),
        objects.stream().filter(o -> !BUILT_IN.contains(o.getClass())).toList(),
        at);
  }

  /** The declared objects of one configuration kind, by identity. */
  public <T extends DesiredObject> List<T> all(Class<T> type) {
    return only(configurations, type);
  }

  /** The object this reference names: remotes and guests found by halving, others in their list. */
  public Optional<DesiredObject> object(ObjectRef ref) {
    switch (ref.kind()) {
      case REMOTE:
        return remote(ref.identity()).map(DesiredObject.class::cast);
      case GUEST:
        return guest(ref.identity()).map(DesiredObject.class::cast);
      default:
        return ofKind(ref.kind()).stream()
            .filter(o -> o.kind() == ref.kind() && o.identity().equals(ref.identity()))
            .map(DesiredObject.class::cast)
            .findFirst();
    }
  }

  /**
   * The declared objects of one kind, without copying the kind's list (configuration kinds share
   * one list, so it may hold other kinds too: filter by kind where that matters).
   */
  public List<? extends DesiredObject> ofKind(Kind kind) {
    switch (kind) {
      case REMOTE:
        return remotes;
      case GUEST:
        return guests;
      case VIEW:
        return views;
      case USER:
        return users;
      case GROUP:
        return groups;
      case ACCESS_RULE:
        return accessRules;
      case REALM:
        return realms;
      case REMOTE_GROUP:
        return remoteGroups;
      default:
        return configurations;
    }
  }

  public Optional<Remote> remote(String name) {
    return byIdentity(remotes, name);
  }

  /** By name, in logarithmic time: the planner looks up every out-of-sync guest. */
  public Optional<Guest> guest(String name) {
    return byIdentity(guests, name);
  }

  /** A user by id ({@code name@realm}), in logarithmic time: every login looks one up. */
  public Optional<User> user(String userId) {
    return byIdentity(users, userId);
  }

  /** The lists are sorted by identity, and a guest's or remote's identity is its name. */
  private static <T extends DesiredObject> Optional<T> byIdentity(List<T> sorted, String name) {
    int low = 0;
    int high = sorted.size() - 1;
    while (low <= high) {
      int middle = (low + high) >>> 1;
      int order = sorted.get(middle).identity().compareTo(name);
      if (order == 0) {
        return Optional.of(sorted.get(middle));
      }
      if (order < 0) {
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    return Optional.empty();
  }

  public Optional<SourceLocation> sourceOf(DesiredObject object) {
    return Optional.ofNullable(sources.get(ObjectRef.of(object)));
  }

  /** Every object, kinds in declaration order of {@link io.pdmgitops.model.desired.Kind}. */
  public List<DesiredObject> objects() {
    List<DesiredObject> all = new ArrayList<>();
    Stream.of(
            remotes,
            guests,
            views,
            users,
            groups,
            accessRules,
            realms,
            remoteGroups,
            configurations)
        .forEach(all::addAll);
    return all;
  }

  public int size() {
    return remotes.size()
        + guests.size()
        + views.size()
        + users.size()
        + groups.size()
        + accessRules.size()
        + realms.size()
        + remoteGroups.size()
        + configurations.size();
  }

  private static <T extends DesiredObject> List<T> sorted(List<T> objects) {
    return objects.stream().sorted(BY_IDENTITY).toList();
  }

  private static <T extends DesiredObject> List<T> only(List<DesiredObject> all, Class<T> type) {
    return all.stream().filter(type::isInstance).map(type::cast).toList();
  }
}
