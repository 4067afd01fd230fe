package dev.newsmon.processor.alerts;

/** The alert kinds of the rules file, spelled as they appear in {@code Alert.kind}. */
public enum AlertKind {
    BREAKING, TENSION_SPIKE, COOPERATION_SURGE, SHIFT, REAWAKENING
}
