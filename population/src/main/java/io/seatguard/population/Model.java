package io.seatguard.population;

import java.util.List;

/**
 * One hardware model as browsers see it: every unit of it reports the same GPU, cores, memory, touch
 * points and screen, which is what makes identical phones hard to tell apart.
 *
 * @param screens the screens this model ships with (laptops: the built-in one; desktops: common monitors)
 * @param externalMonitor whether its owner may plug in a monitor (laptops)
 */
record Model(
        String id,
        Platform platform,
        String navigatorPlatform,
        String webglVendor,
        String webglRenderer,
        int cores,
        int memory,
        int touchPoints,
        String chModel,
        String chArch,
        List<String> screens,
        double pixelRatio,
        boolean externalMonitor,
        double weight) {}
