package io.seatguard.core.account;

import java.util.List;
import java.util.Optional;

/** Port: an account's devices, and logging one out. */
public interface DeviceLinks {
    /** Most recently seen first; empty when the account was never seen. */
    Optional<List<AccountDevice>> devices(String appId, String userId);

    /**
     * Marks the device logged out of the account: its next access evaluation answers {@code logout: true}
     * until the person signs in on it again.
     *
     * A login from before {@code at} (imported history, or an evaluation already under way) does not
     * attach it again. A device at a challenge of the account that has not expired, which is not the
     * account's until the challenge is passed, is logged out as {@link #refuse} does: its open challenges
     * end as failed. Ended ones count too, so a logout landing between a pass and the attach it brings
     * (or a decline and its logout) still finds the device, and the logout stands.
     *
     * @return false when the account has no such device and no challenge on it that has not expired
     */
    boolean detach(String appId, String userId, String deviceId, java.time.Instant at);

    /**
     * Logs the device out of the account as {@link #detach} does, also when the account never had it: the
     * person at a challenge said they are not the owner, on a device whose challenged evaluation did not
     * link it. A {@link LinkStatus#REFUSED} link is then made (seen at {@code seenAt}), so that the device's
     * next page view is told it is logged out, as when it was already the account's, while a login from it
     * is still a new device's. Nothing is made for an account or a device that is no longer stored.
     *
     * @return false when the account or the device is not stored
     */
    boolean refuse(String appId, String userId, String deviceId, java.time.Instant seenAt, java.time.Instant at);

    /**
     * Attaches the device to the account as the allowed evaluation at {@code seenAt} would have: a challenge
     * opened by that evaluation was passed. A challenged evaluation does not link its device (a login
     * abandoned at its challenge must find the device still new at the next try), so passing the
     * challenge is what makes it known. A logout made after {@code seenAt} (while the challenge was open)
     * stands. Raises {@code device.attached} (naming {@code evaluationId}, at {@code now}) when the device
     * was not attached before.
     *
     * @param vouched whether the challenged evaluation's account was vouched for (server mode or signed):
     *     the link is then marked so ({@link LinkedDevice#vouched}); an unvouched attach leaves the mark as it was
     * @return false when nothing was attached: the account or the device is gone (erased or pruned
     *     meanwhile), or it was logged out after {@code seenAt}
     */
    boolean attach(String appId, String userId, String deviceId, String evaluationId, java.time.Instant seenAt, java.time.Instant now, boolean vouched);

    /**
     * {@link #attach} for a passed device-limit page, only while the account stays within {@code limit}
     * with the device: counted as {@code device_count} counts (attached links seen since
     * {@code windowStart}, this device once), in the transaction that attaches, and one account's attaches
     * one after another, so two pages passing at once cannot both attach past the limit.
     *
     * <p>A page a vouched evaluation opened ({@code vouched}) counts as that evaluation's {@code device_count}
     * did: only the vouched links ({@link LinkedDevice#vouched}), so that the page and the policy agree and
     * devices let in by unsigned calls, which anyone holding the client id can make, cannot keep the owner out.
     *
     * @return false when the account is over the limit with the device (nothing is written); true
     *     otherwise, whether or not a link was made ({@link #attach}'s reasons)
     */
    boolean attachWithinLimit(String appId, String userId, String deviceId, String evaluationId, java.time.Instant seenAt, java.time.Instant now,
            int limit, java.time.Instant windowStart, boolean vouched);

    /**
     * {@link #detach} for the device-limit page, only while the account is over {@code limit}: counted as
     * {@link #attachWithinLimit} counts (attached links seen since {@code windowStart}, and the device being
     * signed in on, {@code arriving}, once whether or not it is attached yet), in the transaction that
     * logs out, one account's after another, so that two tabs of the page logging out different devices at
     * once cannot both land once the first has brought the account within its limit.
     *
     * @param arriving the device the page was opened for; empty when it is unknown (then not counted)
     * @param vouchedOnly the page was opened by a vouched evaluation: only vouched links count, as in
     *     {@link #attachWithinLimit} (the device logged out may be any attached one, counted or not)
     * @return false when the account is within the limit already (nothing is written); true otherwise,
     *     whether or not the device was still attached ({@link #detach}'s reasons)
     */
    boolean detachOverLimit(String appId, String userId, String deviceId, Optional<String> arriving, java.time.Instant at, int limit,
            java.time.Instant windowStart, boolean vouchedOnly);

    /**
     * Lets the device in to the app as the allowed evaluation at {@code seenAt} would have: a challenge of
     * an evaluation without an account (a signup) was passed on it. Until then the device is new to the
     * app ({@link io.seatguard.core.identity.DeviceDirectory#wasLetIn}), so a signup abandoned at its
     * challenge is challenged again. A device let in already keeps its time; one no longer stored is left.
     */
    void letIn(String appId, String deviceId, java.time.Instant seenAt);
}
