package io.parley.routing.assignment;

/** Only online agents receive new conversations; away and offline agents keep the ones they have. */
public enum Availability {
    ONLINE,
    AWAY,
    OFFLINE
}
