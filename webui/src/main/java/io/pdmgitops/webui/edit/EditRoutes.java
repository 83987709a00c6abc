package io.pdmgitops.webui.edit;

import io.pdmgitops.webui.BoundedBody;
import io.pdmgitops.webui.access.Viewer;
import io.pdmgitops.webui.api.NotFoundException;
import io.pdmgitops.webui.pages.Format;
import io.pdmgitops.webui.pages.PageRoutes;
import io.pdmgitops.webui.write.IntentOutcome;
import io.pdmgitops.webui.write.IntentRoutes;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The repository in the browser.
 *
 * <ul>
 *   <li>{@code GET /repository}: the files at the commit in force, the objects each declares, and a
 *       form for a new file from a kind's template.
 *   <li>{@code GET /repository/new?path=&kind=&name=}: the new-file form's answer, a redirect to
 *       the editor on that path with the kind's template.
 *   <li>{@code GET /guests/{remote}/{vmid}/adopt?file=}: from an undeclared guest's page, a
 *       redirect to the editor on that file with a Guest document for it appended.
 *   <li>{@code GET /edit/{path}}: the editor, on the file at the commit in force, or on a new file
 *       ({@code ?kind=Guest&name=web-02}).
 *   <li>{@code POST /editor/check} and {@code /editor/diff} ({@code {"path", "text"}}): what the
 *       editor shows as you type: the loader's problems at their lines, and the diff.
 *   <li>{@code POST /edit/{path}} (form {@code text}, {@code base}, {@code message}): the commit.
 *       Committed or pushed for review: back to the repository with what happened. Refused,
 *       conflicting or failed: the editor again, with the text as typed and why.
 * </ul>
 */
public final class EditRoutes {
  public static final String TREE = "/repository";
  public static final String NEW = "/repository/new";
  public static final String ADOPT = "/guests/{remote}/{vmid}/adopt";
  public static final String EDIT = "/edit/{*path}";
  public static final String CHECK = "/editor/check";
  public static final String DIFF = "/editor/diff";

  /** Largest file the editor takes back; the loader refuses larger ones anyway. */
  static final int MAX_TEXT = 1024 * 1024;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private EditRoutes() {}

  public static RouterFunction<ServerResponse> routes(EditPort edits) {
    return RouterFunctions.route()
        .GET(TREE, request -> tree(request, edits))
        .GET(NEW, EditRoutes::newFile)
        .GET(ADOPT, EditRoutes::adopt)
        .GET(EDIT, request -> editor(request, edits))
        .POST(CHECK, request -> check(request, edits))
        .POST(DIFF, request -> diff(request, edits))
        .POST(EDIT, request -> commit(request, edits))
        .filter(PageRoutes::withCaller)
        .build();
  }

  private static Mono<ServerResponse> tree(ServerRequest request, EditPort edits) {
    return request
        .session()
        .flatMap(
            session ->
                Mono.fromCallable(
                        () -> {
                          Map<String, Object> model = model();
                          model.put("tree", edits.tree().orElse(null));
                          model.put("kinds", io.pdmgitops.model.desired.Kind.kindNames());
                          Object flash = session.getAttributes().remove(IntentRoutes.FLASH);
                          if (flash != null) {
                            model.put("flash", flash);
                          }
                          return model;
                        })
                    .subscribeOn(Schedulers.boundedElastic()))
        .flatMap(model -> html(HttpStatus.OK, "repository", model));
  }

  private static Mono<ServerResponse> newFile(ServerRequest request) {
    return toEditor(
        request.queryParam("path").orElse(""),
        Map.of(
            "kind", request.queryParam("kind").orElse("Guest"),
            "name", request.queryParam("name").orElse("example")));
  }

  private static Mono<ServerResponse> adopt(ServerRequest request) {
    String vmid = request.pathVariable("vmid");
    if (!vmid.matches("[1-9][0-9]{2,8}")) {
      return ServerResponse.notFound().build();
    }
    return toEditor(
        request.queryParam("file").orElse(""),
        Map.of("adopt", request.pathVariable("remote") + "/" + vmid));
  }

  /** A redirect to the editor on a file the user named, or 400 saying what a name looks like. */
  private static Mono<ServerResponse> toEditor(String file, Map<String, String> query) {
    String path = file.strip().replaceFirst("^/+", "");
    if (!EditorPaths.valid(path)) {
      return ServerResponse.badRequest()
          .contentType(MediaType.TEXT_PLAIN)
          .bodyValue(EditorPaths.refusal(path) + ".");
    }
    var uri = org.springframework.web.util.UriComponentsBuilder.fromPath("/edit/" + path);
    new java.util.TreeMap<>(query).forEach(uri::queryParam);
    return ServerResponse.seeOther(uri.encode().build().toUri()).build();
  }

  private static Mono<ServerResponse> editor(ServerRequest request, EditPort edits) {
    String path = path(request);
    Optional<String> kind = request.queryParam("kind").filter(k -> !k.isBlank());
    return Mono.fromCallable(
            () -> {
              Map<String, Object> model = model();
              Optional<String> adopt = request.queryParam("adopt");
              EditorFile file =
                  adopt.isPresent() ? adopted(edits, path, adopt.get()) : edits.open(path);
              if (!file.exists() && kind.isPresent()) {
                String name =
                    request
                        .queryParam("name")
                        .filter(n -> n.matches("[a-z0-9][a-z0-9.-]{0,62}"))
                        .orElse("example");
                String remote =
                    request
                        .queryParam("remote")
                        .or(() -> edits.remotes().stream().findFirst())
                        .orElse("my-remote");
                file =
                    new EditorFile(
                        file.path(),
                        file.commit(),
                        KindTemplates.kind(kind.get())
                            .map(k -> KindTemplates.text(k, name, remote))
                            .orElseThrow(
                                () -> new NotFoundException("no kind '" + kind.get() + "'")),
                        false);
              }
              model.put("file", file);
              model.put("text", file.text());
              model.put("message", defaultMessage(file));
              return model;
            })
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(model -> html(HttpStatus.OK, "edit", model))
        .onErrorResume(
            NotFoundException.class,
            e -> {
              Map<String, Object> model = model();
              model.put("message", e.getMessage());
              return html(HttpStatus.NOT_FOUND, "notfound", model);
            });
  }

  private static Mono<ServerResponse> check(ServerRequest request, EditPort edits) {
    Optional<Viewer> viewer = Viewer.of(request);
    if (viewer.isEmpty()) {
      return ServerResponse.notFound().build();
    }
    return json(request)
        .publishOn(Schedulers.boundedElastic())
        .map(body -> edits.check(viewer.get().caller(), body.path(), body.text()))
        .flatMap(
            check -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(check))
        .onErrorResume(IllegalArgumentException.class, e -> badRequest(e.getMessage()))
        .onErrorResume(NotFoundException.class, e -> badRequest(e.getMessage()));
  }

  private static Mono<ServerResponse> diff(ServerRequest request, EditPort edits) {
    return json(request)
        .publishOn(Schedulers.boundedElastic())
        .map(body -> edits.diff(body.path(), body.text()))
        .flatMap(
            diff ->
                ServerResponse.ok()
                    .contentType(MediaType.APPLICATION_JSON)
                    .bodyValue(Map.of("diff", diff)))
        .onErrorResume(IllegalArgumentException.class, e -> badRequest(e.getMessage()))
        .onErrorResume(NotFoundException.class, e -> badRequest(e.getMessage()));
  }

  private static Mono<ServerResponse> commit(ServerRequest request, EditPort edits) {
    String path = path(request);
    Optional<Viewer> viewer = Viewer.of(request);
    if (viewer.isEmpty()) {
      return ServerResponse.notFound().build();
    }
    return request
        .formData()
        .flatMap(
            form -> {
              String text = first(form, "text");
              String base = first(form, "base");
              String message = first(form, "message").strip();
              if (text.length() > MAX_TEXT) {
                return again(
                    path,
                    text,
                    base,
                    message,
                    HttpStatus.PAYLOAD_TOO_LARGE,
                    "The file is larger than 1 MiB: commit it in Git.");
              }
              if (message.isEmpty()) {
                return again(
                    path,
                    text,
                    base,
                    message,
                    HttpStatus.BAD_REQUEST,
                    "Write a commit message: it is how others will find this change.");
              }
              return Mono.fromCallable(
                      () -> edits.commit(viewer.get().caller(), path, text, base, message))
                  .subscribeOn(Schedulers.boundedElastic())
                  .flatMap(outcome -> committed(request, outcome, path, text, base, message));
            })
        .onErrorResume(
            NotFoundException.class,
            e -> again(path, "", "", "", HttpStatus.NOT_FOUND, e.getMessage()));
  }

  private static Mono<ServerResponse> committed(
      ServerRequest request,
      IntentOutcome outcome,
      String path,
      String text,
      String base,
      String message) {
    if (outcome instanceof IntentOutcome.Committed || outcome instanceof IntentOutcome.Proposed) {
      IntentRoutes.Flash flash = IntentRoutes.Flash.of(outcome);
      return request
          .session()
          .doOnNext(s -> s.getAttributes().put(IntentRoutes.FLASH, flash))
          .then(ServerResponse.seeOther(URI.create(TREE)).build());
    }
    if (outcome instanceof IntentOutcome.Refused refused) {
      return again(
          path,
          text,
          base,
          message,
          HttpStatus.FORBIDDEN,
          "Not committed: " + refused.reason() + ".");
    }
    if (outcome instanceof IntentOutcome.Unchanged unchanged) {
      return again(path, text, base, message, HttpStatus.OK, unchanged.message());
    }
    return again(
        path,
        text,
        base,
        message,
        HttpStatus.CONFLICT,
        ((IntentOutcome.Problem) outcome).message());
  }

  /** The editor again with the text as typed, never lost, and why it was not committed. */
  private static Mono<ServerResponse> again(
      String path, String text, String base, String message, HttpStatus status, String why) {
    Map<String, Object> model = model();
    model.put("file", new EditorFile(path, base, text, true));
    model.put("text", text);
    model.put("message", message);
    model.put("problem", why);
    return html(status, "edit", model);
  }

  private static EditorFile adopted(EditPort edits, String path, String guest) {
    String[] parts = guest.split("/", -1);
    if (parts.length != 2 || !parts[1].matches("[1-9][0-9]{2,8}")) {
      throw new NotFoundException("'" + guest + "' is not REMOTE/VMID");
    }
    return edits.adopt(path, parts[0], Integer.parseInt(parts[1]));
  }

  private static String defaultMessage(EditorFile file) {
    return (file.exists() ? "Edit " : "Add ") + file.path();
  }

  /** The JSON body of check and diff: the path and the text as typed. */
  record Typed(String path, String text) {}

  private static Mono<Typed> json(ServerRequest request) {
    return BoundedBody.read(request, MAX_TEXT + 4096)
        .map(
            bytes -> {
              try {
                JsonNode node = JSON.readTree(bytes);
                if (!node.path("path").isString() || !node.path("text").isString()) {
                  throw new IllegalArgumentException("send {\"path\": ..., \"text\": ...}");
                }
                return new Typed(node.path("path").asString(), node.path("text").asString());
              } catch (JacksonException e) {
                throw new IllegalArgumentException("the body must be JSON");
              }
            })
        .onErrorMap(
            DataBufferLimitException.class,
            e -> new IllegalArgumentException("the file is larger than 1 MiB"));
  }

  private static Mono<ServerResponse> badRequest(String message) {
    return ServerResponse.badRequest()
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("problem", message));
  }

  private static String path(ServerRequest request) {
    return request.pathVariable("path").replaceFirst("^/+", "");
  }

  private static String first(MultiValueMap<String, String> form, String name) {
    return Optional.ofNullable(form.getFirst(name)).orElse("");
  }

  private static Map<String, Object> model() {
    Map<String, Object> model = new HashMap<>();
    model.put("fmt", new Format());
    return model;
  }

  private static Mono<ServerResponse> html(
      HttpStatus status, String template, Map<String, Object> model) {
    return ServerResponse.status(status).contentType(MediaType.TEXT_HTML).render(template, model);
  }
}
