package dev.newsmon.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class AdvertisedHostTest {

    @Test
    void aNamedAddressIsAdvertisedAsGiven() {
        assertEquals("10.1.2.3", ProcessorService.advertisedHost("10.1.2.3"));
        assertEquals("127.0.0.1", ProcessorService.advertisedHost("127.0.0.1"));
    }

    @Test
    void aWildcardBindAdvertisesAnAddressOthersCanCall() {
        String advertised = ProcessorService.advertisedHost("0.0.0.0");
        assertNotEquals("0.0.0.0", advertised);
        assertNotEquals("::", ProcessorService.advertisedHost("::"));
    }
}
