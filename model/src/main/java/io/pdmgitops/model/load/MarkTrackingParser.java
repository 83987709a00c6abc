package io.pdmgitops.model.load;

import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.parser.Parser;

/**
 * Remembers where the last parser event started. SnakeYAML reports exceeded alias and depth limits
 * without a position; this gives them one.
 */
final class MarkTrackingParser implements Parser {
  private final Parser delegate;
  private Mark lastMark;

  MarkTrackingParser(Parser delegate) {
    this.delegate = delegate;
  }

  @Override
  public boolean checkEvent(Event.ID choice) {
    return delegate.checkEvent(choice);
  }

  @Override
  public Event peekEvent() {
    return remember(delegate.peekEvent());
  }

  @Override
  public Event getEvent() {
    return remember(delegate.getEvent());
  }

  /** Start of the last event seen, or null before the first. */
  Mark lastMark() {
    return lastMark;
  }

  private Event remember(Event event) {
    if (event != null && event.getStartMark() != null) {
      lastMark = event.getStartMark();
    }
    return event;
  }
}
