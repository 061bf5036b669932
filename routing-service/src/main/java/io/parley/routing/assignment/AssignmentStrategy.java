package io.parley.routing.assignment;

public enum AssignmentStrategy {
    /** Next agent after the last one assigned, alphabetically, wrapping around. */
    ROUND_ROBIN,
    /** The agent with the fewest open and pending conversations; ties go alphabetically. */
    LEAST_LOADED
}
