-- Each token's latest sighting and browser major version, for device resolution's rule "a browser
-- never goes back a version" (DeviceResolver.Versions, issue 3): a request without a known token is
-- not the cleared storage of a device all of whose recent tokens already run a newer version.
--
-- Both start empty (NULL): tokens of older rows count as "version unknown" until shown again, which
-- only keeps candidates in, never rules one out. They are written with the device row (at most once a
-- minute per device, WriteThrottle) when the version changed or the sighting is a day newer, and read
-- through device_tokens_by_device (V3).
ALTER TABLE device_tokens ADD COLUMN last_seen BIGINT;
ALTER TABLE device_tokens ADD COLUMN browser_major INTEGER;
