/** Server-rendered pages (Thymeleaf), readable without JavaScript; htmx enhances them. */
package io.pdmgitops.webui.pages;
