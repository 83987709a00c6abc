package io.pdmgitops.model.desired;

import java.util.Map;
import java.util.Objects;

/** The {@code metadata} block every document carries. */
public record ObjectMeta(String name, Map<String, String> labels, Map<String, String> annotations) {
  public ObjectMeta {
    Objects.requireNonNull(name, "name");
    labels = labels == null ? Map.of() : Map.copyOf(labels);
    annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
  }

  public static ObjectMeta named(String name) {
    return new ObjectMeta(name, Map.of(), Map.of());
  }
}
