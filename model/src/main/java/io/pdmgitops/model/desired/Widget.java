package io.pdmgitops.model.desired;

import java.util.Objects;
import java.util.Optional;

/**
 * One dashboard widget. Which optional parameters apply depends on the type; the schema rejects the
 * others.
 */
public record Widget(
    WidgetType type,
    Optional<String> title,
    Optional<Double> flex,
    Optional<RemoteType> remoteType,
    Optional<GuestType> guestType,
    Optional<Boolean> showWizard,
    Optional<LeaderboardType> leaderboardType,
    Optional<TaskGrouping> grouping,
    Optional<GaugeResource> resource) {
  public Widget {
    Objects.requireNonNull(type, "type");
    title = title == null ? Optional.empty() : title;
    flex = flex == null ? Optional.empty() : flex;
    remoteType = remoteType == null ? Optional.empty() : remoteType;
    guestType = guestType == null ? Optional.empty() : guestType;
    showWizard = showWizard == null ? Optional.empty() : showWizard;
    leaderboardType = leaderboardType == null ? Optional.empty() : leaderboardType;
    grouping = grouping == null ? Optional.empty() : grouping;
    resource = resource == null ? Optional.empty() : resource;
  }
}
