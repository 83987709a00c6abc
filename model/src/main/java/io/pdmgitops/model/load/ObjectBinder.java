package io.pdmgitops.model.load;

import io.pdmgitops.model.desired.AccessRule;
import io.pdmgitops.model.desired.DesiredObject;
import io.pdmgitops.model.desired.Group;
import io.pdmgitops.model.desired.Guest;
import io.pdmgitops.model.desired.Kind;
import io.pdmgitops.model.desired.ObjectMeta;
import io.pdmgitops.model.desired.Realm;
import io.pdmgitops.model.desired.RealmSpec;
import io.pdmgitops.model.desired.Remote;
import io.pdmgitops.model.desired.RemoteGroup;
import io.pdmgitops.model.desired.User;
import io.pdmgitops.model.desired.View;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Binds a schema-valid document to its record. Runs only after the schema said yes. */
final class ObjectBinder {
  // Jackson 3 refuses absent primitives by default; an absent boolean means false here, and the
  // schema has already refused explicit nulls and wrong types.
  private static final JsonMapper MAPPER =
      JsonMapper.builder().disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

  private ObjectBinder() {}

  static DesiredObject bind(Kind kind, JsonNode document) {
    ObjectMeta meta = MAPPER.treeToValue(document.get("metadata"), ObjectMeta.class);
    JsonNode spec = document.get("spec");
    return switch (kind) {
      case REMOTE -> new Remote(meta, MAPPER.treeToValue(spec, Remote.Spec.class));
      case GUEST -> new Guest(meta, MAPPER.treeToValue(spec, Guest.Spec.class));
      case VIEW -> new View(meta, MAPPER.treeToValue(spec, View.Spec.class));
      case USER -> new User(meta, MAPPER.treeToValue(spec, User.Spec.class));
      case GROUP -> new Group(meta, MAPPER.treeToValue(spec, Group.Spec.class));
      case ACCESS_RULE -> new AccessRule(meta, MAPPER.treeToValue(spec, AccessRule.Spec.class));
      case REALM -> new Realm(meta, MAPPER.treeToValue(spec, RealmSpec.class));
      case REMOTE_GROUP -> new RemoteGroup(meta, MAPPER.treeToValue(spec, RemoteGroup.Spec.class));
    };
  }
}
