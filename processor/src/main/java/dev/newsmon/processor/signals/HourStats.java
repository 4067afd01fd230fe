package dev.newsmon.processor.signals;

/** Sums for one subject in one bucket (one hop of event time); means are derived when a window is read. */
public record HourStats(int stories, double tension, double cooperation) {
    public static final HourStats EMPTY = new HourStats(0, 0, 0);

    public HourStats plus(double storyTension, double storyCooperation) {
        return new HourStats(stories + 1, tension + storyTension, cooperation + storyCooperation);
    }

    public HourStats plus(HourStats other) {
        return new HourStats(stories + other.stories, tension + other.tension, cooperation + other.cooperation);
    }

    public double meanTension() {
        return stories == 0 ? 0 : tension / stories;
    }

    public double meanCooperation() {
        return stories == 0 ? 0 : cooperation / stories;
    }

    /** Cooperation minus tension: positive means the coverage reads as thawing, negative as heating up. */
    public double net() {
        return meanCooperation() - meanTension();
    }
}
