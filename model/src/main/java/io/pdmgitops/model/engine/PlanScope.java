package io.pdmgitops.model.engine;

/**
 * Whether a plan sees the whole desired state or part of it (one remote's objects as its answer
 * arrives, the objects a commit changed). Only a whole plan may act on what no document declares:
 * in a part, an object left out is not undeclared.
 */
public enum PlanScope {
  WHOLE,
  PART
}
