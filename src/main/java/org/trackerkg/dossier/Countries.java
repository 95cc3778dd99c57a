package org.trackerkg.dossier;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** Country names as dossiers write them → ISO 3166 alpha-2, from the JDK's list plus common aliases. */
final class Countries {
  private static final Pattern WS = Pattern.compile("\\s+");
  private static final Map<String, String> CODES = new HashMap<>();

  static {
    for (String code : Locale.getISOCountries()) {
      CODES.put(key(new Locale("", code).getDisplayCountry(Locale.ENGLISH)), code);
      CODES.put(key(code), code);
    }
    String[][] aliases = {
      {"usa", "US"}, {"u.s.", "US"}, {"u.s.a.", "US"}, {"united states of america", "US"}, {"america", "US"},
      {"uk", "GB"}, {"u.k.", "GB"}, {"great britain", "GB"}, {"britain", "GB"}, {"england", "GB"},
      {"scotland", "GB"}, {"wales", "GB"}, {"south korea", "KR"}, {"korea", "KR"}, {"republic of korea", "KR"},
      {"north korea", "KP"}, {"russia", "RU"}, {"russian federation", "RU"}, {"czech republic", "CZ"},
      {"holland", "NL"}, {"the netherlands", "NL"}, {"taiwan", "TW"}, {"hong kong", "HK"}, {"macau", "MO"},
      {"vietnam", "VN"}, {"uae", "AE"}, {"united arab emirates", "AE"}, {"ivory coast", "CI"},
      {"turkey", "TR"}, {"prc", "CN"}, {"people's republic of china", "CN"}
    };
    for (String[] a : aliases) {
      CODES.put(key(a[0]), a[1]);
    }
  }

  private Countries() {}

  /** The alpha-2 code of a country name, or null when the name is not recognised. */
  static String code(String name) {
    return name == null ? null : CODES.get(key(name));
  }

  private static String key(String name) {
    return WS.matcher(name.trim().toLowerCase(Locale.ROOT)).replaceAll(" ");
  }
}
