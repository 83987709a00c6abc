package io.pdmgitops.model.desired;

import io.pdmgitops.model.backupjob.BackupJob;
import io.pdmgitops.model.backupjob.BackupJobCheck;
import io.pdmgitops.model.firewall.FirewallCheck;
import io.pdmgitops.model.firewall.FirewallOptions;
import io.pdmgitops.model.load.semantic.SemanticCheck;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The kinds of desired-state documents, each with its JSON Schema in {@code src-schemas/}. */
public enum Kind {
  /** A PVE cluster or a PBS instance. */
  REMOTE("Remote", "remote.schema.json", Remote.class, Remote.Spec.class),
  /** A VM or container whose power and placement are managed. */
  GUEST("Guest", "guest.schema.json", Guest.class, Guest.Spec.class),
  /** A custom dashboard with filter rules and a widget layout. */
  VIEW("View", "view.schema.json", View.class, View.Spec.class),
  /** A person who may log in. */
  USER("User", "user.schema.json", User.class, User.Spec.class),
  /** A named set of users. */
  GROUP("Group", "group.schema.json", Group.class, Group.Spec.class),
  /** A role granted to a user or group on a path. */
  ACCESS_RULE("AccessRule", "access-rule.schema.json", AccessRule.class, AccessRule.Spec.class),
  /** An authentication domain. */
  REALM("Realm", "realm.schema.json", Realm.class, RealmSpec.class),
  /** Remotes grouped for access, each with the token its members' requests use. */
  REMOTE_GROUP(
      "RemoteGroup", "remote-group.schema.json", RemoteGroup.class, RemoteGroup.Spec.class),
  /** A PVE cluster's scheduled backup job. */
  BACKUP_JOB(
      "BackupJob",
      "backup-job.schema.json",
      BackupJob.class,
      BackupJob.Spec.class,
      BackupJobCheck::new),
  /** The firewall options of a PVE cluster, node or guest. */
  FIREWALL_OPTIONS(
      "FirewallOptions",
      "firewall-options.schema.json",
      FirewallOptions.class,
      FirewallOptions.Spec.class,
      FirewallCheck::new);

  private final String kindName;
  private final String schemaFile;
  private final Class<? extends DesiredObject> type;
  private final Class<?> specType;
  private final Supplier<? extends SemanticCheck> check;

  /** Looked up once: every bound document goes through it. */
  private final Constructor<? extends DesiredObject> constructor;

  /**
   * @param type the kind's record, with a constructor of (metadata, spec)
   * @param specType what its {@code spec:} binds to
   */
  Kind(String kindName, String schemaFile, Class<? extends DesiredObject> type, Class<?> specType) {
    this(kindName, schemaFile, type, specType, null);
  }

  /**
   * @param check the kind's own rules beyond its schema, kept in its package (null: none)
   */
  Kind(
      String kindName,
      String schemaFile,
      Class<? extends DesiredObject> type,
      Class<?> specType,
      Supplier<? extends SemanticCheck> check) {
    this.kindName = kindName;
    this.schemaFile = schemaFile;
    this.type = type;
    this.specType = specType;
    this.check = check;
    try {
      this.constructor = type.getDeclaredConstructor(ObjectMeta.class, specType);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(
          kindName + " needs a constructor (ObjectMeta, " + specType.getSimpleName() + ")", e);
    }
  }

  /** The kind's own semantic check, if it has one beyond the shared ones. */
  public Optional<SemanticCheck> check() {
    return Optional.ofNullable(check).map(Supplier::get);
  }

  /** The type a schema-valid document's {@code spec:} binds to. */
  public Class<?> specType() {
    return specType;
  }

  /** The kind's object from its metadata and bound spec: no list of kinds to extend elsewhere. */
  public DesiredObject create(ObjectMeta metadata, Object spec) {
    try {
      return constructor.newInstance(metadata, spec);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(kindName + " cannot be built", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(kindName + " cannot be built", e);
    }
  }

  /** The name as written in YAML ({@code kind: Remote}). */
  public String kindName() {
    return kindName;
  }

  /** File name of the kind's schema, in {@code src-schemas/} and in the model jar. */
  public String schemaFile() {
    return schemaFile;
  }

  public static Optional<Kind> fromKindName(String name) {
    return Arrays.stream(values()).filter(k -> k.kindName.equals(name)).findFirst();
  }

  public static List<String> kindNames() {
    return Arrays.stream(values()).map(Kind::kindName).toList();
  }
}
