package io.pdmgitops.webui.api;

import io.pdmgitops.webui.fleet.ResourcePage;
import java.util.List;

/** GET /api/v1/resources: one page of the fleet table. */
public record ResourcePageView(
    int total, int page, int size, int pages, String observedAt, List<ResourceRowView> items) {
  public static ResourcePageView of(ResourcePage page) {
    return new ResourcePageView(
        page.total(),
        page.page(),
        page.size(),
        page.pages(),
        page.observedAt().toString(),
        page.rows().stream().map(ResourceRowView::of).toList());
  }
}
