package io.pdmgitops.model.desired;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A custom dashboard. A resource is shown when it is included ({@code includeAll} or any include
 * rule) and no exclude rule matches, as in PDM.
 */
public record View(ObjectMeta metadata, Spec spec) implements DesiredObject {
  public View {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(spec, "spec");
  }

  @Override
  public Kind kind() {
    return Kind.VIEW;
  }

  /** Filter rules and layout. */
  public record Spec(
      Optional<String> description,
      boolean includeAll,
      List<FilterRule> include,
      List<FilterRule> exclude,
      Optional<Layout> layout,
      Optional<String> backupMaxAge) {
    public Spec {
      backupMaxAge = backupMaxAge == null ? Optional.empty() : backupMaxAge;
      description = description == null ? Optional.empty() : description;
      include = include == null ? List.of() : List.copyOf(include);
      exclude = exclude == null ? List.of() : List.copyOf(exclude);
      layout = layout == null ? Optional.empty() : layout;
    }

    /** A view without a backup limit of its own. */
    public Spec(
        Optional<String> description,
        boolean includeAll,
        List<FilterRule> include,
        List<FilterRule> exclude,
        Optional<Layout> layout) {
      this(description, includeAll, include, exclude, layout, Optional.empty());
    }
  }

  /** Widgets in rows, top to bottom, each row left to right. */
  public record Layout(List<List<Widget>> rows) {
    public Layout {
      rows = rows.stream().map(List::copyOf).toList();
    }
  }
}
