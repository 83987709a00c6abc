/**
 * The status store: commits and their problems, and the action journal, in H2 by default or
 * PostgreSQL, with one Liquibase changelog. Blocking JDBC stays inside this package.
 */
package io.pdmgitops.controller.store;
