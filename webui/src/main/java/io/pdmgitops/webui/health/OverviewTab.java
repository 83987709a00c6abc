package io.pdmgitops.webui.health;

/** An overview as the Health page's tabs name it, without its rows. */
public record OverviewTab(String name, String title) {}
