namespace Scoran.Territories.Geography;

/// <summary>
/// Lambert-93 (RGF93 / EPSG:2154) to geographic coordinates: IGN's inverse Lambert conformal
/// conic (notes ALG0004/ALG0001) on the GRS80 ellipsoid. RGF93 and WGS84 differ by less than a
/// metre, far below what placing a site in a commune needs, so no datum shift is applied.
/// </summary>
public static class Lambert93
{
    private const double E = 0.0818191910428158; // GRS80 first eccentricity
    private const double N = 0.7256077650532670;
    private const double C = 11754255.4261;
    private const double Xs = 700000.0;
    private const double Ys = 12655612.0499;
    private const double Lon0 = 3.0 * Math.PI / 180.0;

    /// <summary>Latitude and longitude (degrees) of a Lambert-93 point (metres).</summary>
    public static (double Latitude, double Longitude) ToGeographic(double x, double y) => Inverse(x, y, N, C, Xs, Ys, E, Lon0);

    /// <summary>Lambert-93 metres of a geographic point (degrees): IGN's direct conic projection (ALG0003), used to write demonstration files in the publisher's layout.</summary>
    public static (double X, double Y) FromGeographic(double latitude, double longitude)
    {
        var phi = latitude * Math.PI / 180;
        var sin = E * Math.Sin(phi);
        var isometric = Math.Log(Math.Tan(Math.PI / 4 + phi / 2) * Math.Pow((1 - sin) / (1 + sin), E / 2));
        var r = C * Math.Exp(-N * isometric);
        var gamma = N * (longitude * Math.PI / 180 - Lon0);
        return (Xs + r * Math.Sin(gamma), Ys - r * Math.Cos(gamma));
    }

    /// <summary>The generic inverse conic projection (radians in, degrees out), exposed so IGN's published test values can check it.</summary>
    public static (double Latitude, double Longitude) Inverse(double x, double y, double n, double c, double xs, double ys, double e, double lon0)
    {
        var dx = x - xs;
        var dy = y - ys;
        var r = Math.Sqrt(dx * dx + dy * dy);
        var gamma = Math.Atan(dx / -dy);
        var lon = lon0 + gamma / n;
        var isometric = -Math.Log(Math.Abs(r / c)) / n;
        // Latitude from isometric latitude: fixed-point iteration, converges to 1e-12 rad in a few steps.
        var phi = 2 * Math.Atan(Math.Exp(isometric)) - Math.PI / 2;
        for (var i = 0; i < 20; i++)
        {
            var sin = e * Math.Sin(phi);
            var next = 2 * Math.Atan(Math.Pow((1 + sin) / (1 - sin), e / 2) * Math.Exp(isometric)) - Math.PI / 2;
            if (Math.Abs(next - phi) < 1e-12)
            {
                phi = next;
                break;
            }

            phi = next;
        }

        return (phi * 180 / Math.PI, lon * 180 / Math.PI);
    }
}
