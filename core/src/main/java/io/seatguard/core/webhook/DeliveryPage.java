package io.seatguard.core.webhook;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/** One page of an endpoint's delivery log, newest first, and the cursor of the next page when there is one. */
public record DeliveryPage(List<Delivery> deliveries, Optional<DeliveryCursor> next) {
    public DeliveryPage {
        deliveries = List.copyOf(deliveries);
        requireNonNull(next, "next is null");
    }
}
