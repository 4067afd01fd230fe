package dev.newsmon.processor;

/** Short articles written for the tests: {title, body}. Their scores come from the real classifier. */
final class Stories {
    static final String[] TAIWAN_DRILLS = {"Beijing warns Taipei over drills",
        "China's defence ministry warned on Monday that Taiwan would definitely regret any move toward independence. "
            + "Chinese warships and fighter jets encircled Taiwan in live-fire drills, and Beijing threatened "
            + "sanctions against officials in Taipei."};
    static final String[] TAIWAN_ELECTION = {"Taiwan election campaign opens",
        "Candidates in Taiwan opened their campaigns for the January election in Taipei. Taiwan's election "
            + "commission said turnout was expected to be high."};
    static final String[] NK_MISSILE = {"North Korea fires ballistic missile",
        "North Korea fired a ballistic missile into the sea on Tuesday, Seoul's military said. Pyongyang warned of "
            + "stronger countermeasures and threatened Seoul and Washington over joint exercises."};
    static final String[] NK_HOSPITAL = {"North Korea opens a new hospital",
        "North Korea opened a new hospital in Pyongyang on Friday, state media said. Kim Jong Un toured the "
            + "building with health officials."};
    static final String[] SUMMIT_PLANS = {"Summit planners meet in Seoul",
        "Officials from China, Japan and South Korea met in Seoul to prepare a trilateral summit. They agreed to "
            + "restore the three-way leaders' meeting and pledged to strengthen cooperation."};
    static final String[] SUMMIT_DATE = {"Trilateral summit date announced",
        "China, Japan and South Korea will hold their trilateral summit in Tokyo next month, the foreign "
            + "ministries said."};
    static final String[] CHIP_CONTROLS = {"US tightens chip export controls on China",
        "Washington imposed new export controls on advanced chips to China, and Beijing warned of countermeasures. "
            + "China's commerce ministry criticised the semiconductor sanctions and threatened retaliation."};
    static final String[] CHIP_EXPORTS = {"Korean chipmakers report exports",
        "Samsung and SK Hynix reported higher semiconductor exports. The chipmakers said memory chip demand from "
            + "data centres stayed strong."};

    private Stories() {
    }
}
