package io.pdmgitops.webui.edit;

import io.pdmgitops.model.desired.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The text a new file starts from, one per kind ({@code kind-templates/<Kind>.yaml}): every field a
 * first version needs, with comments on the choices. {@code __NAME__}, {@code __REMOTE__} and
 * {@code __GROUP__} are filled in.
 */
public final class KindTemplates {
  private KindTemplates() {}

  public static String text(Kind kind, String name, String remote) {
    String resource = "/kind-templates/" + kind.kindName() + ".yaml";
    try (InputStream in = KindTemplates.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("no template " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .replace("__REMOTE__", remote)
          .replace("__GROUP__", name)
          .replace("__NAME__", name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The kind of a {@code ?kind=} parameter. */
  public static Optional<Kind> kind(String name) {
    return Kind.fromKindName(name);
  }
}
