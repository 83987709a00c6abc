/** The Spring Boot application: configuration per concern, wiring only. */
package io.pdmgitops.controller.app;
