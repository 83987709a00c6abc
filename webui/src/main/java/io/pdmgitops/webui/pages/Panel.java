package io.pdmgitops.webui.pages;

/**
 * One widget of a dashboard layout, ready to render: which fragment of widgets.html draws it, its
 * title, its share of the row, and its data.
 */
public record Panel(String fragment, String title, double flex, Object data) {}
