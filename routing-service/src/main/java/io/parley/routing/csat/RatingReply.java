package io.parley.routing.csat;

/** A customer's answer to a survey: the rating and whatever else they wrote. */
public record RatingReply(int rating, String comment) {}
