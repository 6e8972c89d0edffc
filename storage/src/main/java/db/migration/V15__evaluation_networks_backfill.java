package db.migration;

import io.seatguard.core.net.IpAddresses;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Fills {@code evaluations.network} (V14) for the rows written before it, so that V16 can serve the
 * history by IP from the network index ({@code network} is then the index's first column after the app)
 * and no older evaluation drops out of that history.
 *
 * <p>Java, not SQL, because the network of an IPv6 address (its /64, in RFC 5952 text) cannot be computed
 * by one SQL expression that both SQLite and PostgreSQL understand; {@link IpAddresses#network} is the
 * definition the server writes with. Works a page of distinct addresses at a time through V14's
 * {@code evaluations_by_network} (rows without a network are one range of it) and V1's
 * {@code evaluations_by_ip}, so it needs no full scan per page and little memory.
 */
public class V15__evaluation_networks_backfill extends BaseJavaMigration {
    private static final int PAGE = 1_000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection connection = context.getConnection();
        List<String> apps = new ArrayList<>();
        // The evaluations' apps, not the apps table: a row whose app is gone still needs its network.
        try (PreparedStatement select = connection.prepareStatement("SELECT DISTINCT app_id FROM evaluations WHERE network IS NULL");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                apps.add(rows.getString(1));
            }
        }
        for (String app : apps) {
            backfill(connection, app);
        }
    }

    private static void backfill(Connection connection, String app) throws SQLException {
        try (PreparedStatement page = connection.prepareStatement(
                "SELECT DISTINCT ip FROM evaluations WHERE app_id = ? AND network IS NULL LIMIT " + PAGE);
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE evaluations SET network = ? WHERE app_id = ? AND ip = ? AND network IS NULL")) {
            page.setString(1, app);
            while (true) {
                List<String> addresses = new ArrayList<>(PAGE);
                try (ResultSet rows = page.executeQuery()) {
                    while (rows.next()) {
                        addresses.add(rows.getString(1));
                    }
                }
                if (addresses.isEmpty()) {
                    return;
                }
                for (String address : addresses) {
                    // Every stored address was formatted by IpAddresses; one that does not parse gets a
                    // network no address has, so it leaves the NULL range and the loop ends.
                    String network = IpAddresses.parse(address).map(IpAddresses::network).orElse("unparsed:" + address);
                    update.setString(1, network);
                    update.setString(2, app);
                    update.setString(3, address);
                    update.addBatch();
                }
                update.executeBatch();
            }
        }
    }
}
