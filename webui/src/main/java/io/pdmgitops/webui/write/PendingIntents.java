package io.pdmgitops.webui.write;

import io.pdmgitops.webui.api.ResourceDetail;
import io.pdmgitops.webui.api.ResourceView;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.web.server.WebSession;

/**
 * The intents a user committed from a guest page, kept in their session until the guest page can
 * tell what became of them: the controller's action for that commit (linked to its task), the
 * commit in force with nothing to send, or, after {@link #PATIENCE}, that it is no longer followed
 * here. What became of it stays on the page (which redraws with every cycle) for {@link #SHOWN},
 * then it is forgotten. Bounded to {@link #MAX} guests per session.
 */
public final class PendingIntents {
  static final String ATTRIBUTE = PendingIntents.class.getName();
  static final int MAX = 20;
  static final Duration PATIENCE = Duration.ofMinutes(10);
  static final Duration SHOWN = Duration.ofMinutes(2);

  private PendingIntents() {}

  /**
   * One committed intent: which guest, the commit, what the user asked for, when, and when the page
   * first told what became of it (null while pending).
   */
  record Pending(String guest, String sha, String title, Instant at, Instant told)
      implements Serializable {
    Pending told(Instant now) {
      return told != null ? this : new Pending(guest, sha, title, at, now);
    }
  }

  /**
   * What the guest page says about it.
   *
   * @param state {@code pending}, {@code done} (an action for the commit exists) or {@code
   *     in-force} (in force, nothing to send)
   * @param task the task page of the action, once it has one
   */
  public record View(String state, String text, Optional<String> task) {}

  static void add(WebSession session, String remote, int vmid, String sha, String title) {
    Map<String, Pending> pending = map(session);
    String guest = remote + "/" + vmid;
    pending.remove(guest);
    pending.put(guest, new Pending(guest, sha, title, Instant.now(), null));
    while (pending.size() > MAX) {
      pending.remove(pending.keySet().iterator().next());
    }
    session.getAttributes().put(ATTRIBUTE, pending);
  }

  /** What became of the intent committed for this guest, if one is followed. */
  public static Optional<View> of(WebSession session, ResourceDetail guest, Instant now) {
    if (guest.resource().vmid().isEmpty()) {
      return Optional.empty();
    }
    Map<String, Pending> pending = map(session);
    String key = guest.resource().remote() + "/" + guest.resource().vmid().get();
    Pending p = pending.get(key);
    if (p == null) {
      return Optional.empty();
    }
    if (p.told() != null && now.isAfter(p.told().plus(SHOWN))) {
      pending.remove(key);
      session.getAttributes().put(ATTRIBUTE, pending);
      return Optional.empty();
    }
    String commit = p.sha().substring(0, 12);
    Optional<ResourceView.ActionView> action =
        guest.actions().stream().filter(a -> a.commit().equals(p.sha())).findFirst();
    View view;
    if (action.isPresent()) {
      ResourceView.ActionView a = action.get();
      view =
          new View(
              "done",
              p.title() + " (" + commit + "): the controller sent " + a.action() + ", " + word(a),
              a.upid().map(upid -> "/tasks/" + guest.resource().remote() + "/" + upid));
    } else if (guest.declaration().map(d -> d.commit().equals(p.sha())).orElse(false)
        && guest.verdict().map(v -> v.sync().equals("SYNCED")).orElse(false)) {
      view =
          new View(
              "in-force",
              p.title() + " (" + commit + ") is in force; the guest already matched it.",
              Optional.empty());
    } else if (now.isAfter(p.at().plus(PATIENCE))) {
      view =
          new View(
              "pending",
              p.title()
                  + " ("
                  + commit
                  + ") has not been acted on in "
                  + PATIENCE.toMinutes()
                  + " minutes: see the guest's actions and History.",
              Optional.empty());
    } else {
      boolean inForce = guest.declaration().map(d -> d.commit().equals(p.sha())).orElse(false);
      return Optional.of(
          new View(
              "pending",
              p.title()
                  + " ("
                  + commit
                  + "): "
                  + (inForce
                      ? "in force, waiting for the controller's action."
                      : "committed, waiting for the controller to fetch it."),
              Optional.empty()));
    }
    pending.put(key, p.told(now));
    session.getAttributes().put(ATTRIBUTE, pending);
    return Optional.of(view);
  }

  private static String word(ResourceView.ActionView a) {
    return a.state().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
        + a.exitStatus().map(s -> " (" + s + ")").orElse("");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Pending> map(WebSession session) {
    Object found = session.getAttributes().get(ATTRIBUTE);
    return found instanceof Map<?, ?> map
        ? new LinkedHashMap<>((Map<String, Pending>) map)
        : new LinkedHashMap<>();
  }
}
