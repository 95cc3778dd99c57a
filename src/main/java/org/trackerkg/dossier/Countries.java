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

  /** Well-known cities that name one country unambiguously ("based in Oslo"); no Springfield or Cambridge here. */
  private static final Map<String, String> CITIES = Map.ofEntries(
      Map.entry("oslo", "NO"), Map.entry("bergen", "NO"), Map.entry("stockholm", "SE"), Map.entry("gothenburg", "SE"),
      Map.entry("copenhagen", "DK"), Map.entry("helsinki", "FI"), Map.entry("reykjavik", "IS"), Map.entry("berlin", "DE"),
      Map.entry("munich", "DE"), Map.entry("hamburg", "DE"), Map.entry("cologne", "DE"), Map.entry("frankfurt", "DE"),
      Map.entry("paris", "FR"), Map.entry("lyon", "FR"), Map.entry("marseille", "FR"), Map.entry("amsterdam", "NL"),
      Map.entry("rotterdam", "NL"), Map.entry("brussels", "BE"), Map.entry("zurich", "CH"), Map.entry("geneva", "CH"),
      Map.entry("vienna", "AT"), Map.entry("madrid", "ES"), Map.entry("barcelona", "ES"), Map.entry("lisbon", "PT"),
      Map.entry("milan", "IT"), Map.entry("rome", "IT"), Map.entry("dublin", "IE"), Map.entry("london", "GB"),
      Map.entry("manchester", "GB"), Map.entry("edinburgh", "GB"), Map.entry("warsaw", "PL"), Map.entry("prague", "CZ"),
      Map.entry("budapest", "HU"), Map.entry("tallinn", "EE"), Map.entry("riga", "LV"), Map.entry("vilnius", "LT"),
      Map.entry("kyiv", "UA"), Map.entry("moscow", "RU"), Map.entry("istanbul", "TR"), Map.entry("tel aviv", "IL"),
      Map.entry("dubai", "AE"), Map.entry("bangalore", "IN"), Map.entry("bengaluru", "IN"), Map.entry("mumbai", "IN"),
      Map.entry("new delhi", "IN"), Map.entry("singapore", "SG"), Map.entry("beijing", "CN"), Map.entry("shanghai", "CN"),
      Map.entry("shenzhen", "CN"), Map.entry("hangzhou", "CN"), Map.entry("tokyo", "JP"), Map.entry("osaka", "JP"),
      Map.entry("seoul", "KR"), Map.entry("sydney", "AU"), Map.entry("melbourne", "AU"), Map.entry("auckland", "NZ"),
      Map.entry("toronto", "CA"), Map.entry("montreal", "CA"), Map.entry("vancouver", "CA"), Map.entry("new york", "US"),
      Map.entry("new york city", "US"), Map.entry("san francisco", "US"), Map.entry("seattle", "US"),
      Map.entry("los angeles", "US"), Map.entry("chicago", "US"), Map.entry("boston", "US"), Map.entry("austin", "US"),
      Map.entry("palo alto", "US"), Map.entry("mountain view", "US"), Map.entry("menlo park", "US"),
      Map.entry("redwood city", "US"), Map.entry("san jose", "US"), Map.entry("são paulo", "BR"), Map.entry("sao paulo", "BR"),
      Map.entry("rio de janeiro", "BR"), Map.entry("buenos aires", "AR"), Map.entry("mexico city", "MX"),
      Map.entry("bogotá", "CO"), Map.entry("santiago de chile", "CL"), Map.entry("cape town", "ZA"),
      Map.entry("johannesburg", "ZA"), Map.entry("lagos", "NG"), Map.entry("nairobi", "KE"), Map.entry("cairo", "EG"));

  private Countries() {}

  /** The alpha-2 code of the country a well-known city is in, or null. */
  static String ofCity(String city) {
    return city == null ? null : CITIES.get(key(city));
  }

  /** The alpha-2 code of a country name, or null when the name is not recognised. */
  static String code(String name) {
    return name == null ? null : CODES.get(key(name));
  }

  private static String key(String name) {
    return WS.matcher(name.trim().toLowerCase(Locale.ROOT)).replaceAll(" ");
  }
}
