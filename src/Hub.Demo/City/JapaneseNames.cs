namespace Hub.Demo.City;

/// <summary>
/// Common Japanese surnames (roughly in order of frequency) and given names by birth cohort, with their
/// readings. A few surnames carry variant characters (髙, 﨑, 邉, 齋) as real registries do; rarer
/// forms use IVS sequences or vendor 外字 (see <see cref="Gaiji"/>).
/// </summary>
internal static class JapaneseNames
{
    public static readonly NamePair[] Surnames = NamePair.ParseList(
        "佐藤:サトウ,鈴木:スズキ,高橋:タカハシ,田中:タナカ,伊藤:イトウ,渡辺:ワタナベ,山本:ヤマモト,中村:ナカムラ,小林:コバヤシ,加藤:カトウ," +
        "吉田:ヨシダ,山田:ヤマダ,佐々木:ササキ,山口:ヤマグチ,松本:マツモト,井上:イノウエ,木村:キムラ,林:ハヤシ,斎藤:サイトウ,清水:シミズ," +
        "山崎:ヤマザキ,森:モリ,池田:イケダ,橋本:ハシモト,阿部:アベ,石川:イシカワ,山下:ヤマシタ,中島:ナカジマ,石井:イシイ,小川:オガワ," +
        "前田:マエダ,岡田:オカダ,長谷川:ハセガワ,藤田:フジタ,後藤:ゴトウ,近藤:コンドウ,村上:ムラカミ,遠藤:エンドウ,青木:アオキ,坂本:サカモト," +
        "斉藤:サイトウ,福田:フクダ,太田:オオタ,西村:ニシムラ,藤井:フジイ,金子:カネコ,岡本:オカモト,藤原:フジワラ,中野:ナカノ,三浦:ミウラ," +
        "原田:ハラダ,中川:ナカガワ,松田:マツダ,竹内:タケウチ,小野:オノ,田村:タムラ,中山:ナカヤマ,和田:ワダ,石田:イシダ,森田:モリタ," +
        "上田:ウエダ,原:ハラ,内田:ウチダ,柴田:シバタ,酒井:サカイ,宮崎:ミヤザキ,横山:ヨコヤマ,高木:タカギ,安藤:アンドウ,宮本:ミヤモト," +
        "大野:オオノ,小島:コジマ,谷口:タニグチ,今井:イマイ,工藤:クドウ,高田:タカダ,増田:マスダ,丸山:マルヤマ,杉山:スギヤマ,村田:ムラタ," +
        "大塚:オオツカ,新井:アライ,小山:コヤマ,平野:ヒラノ,藤本:フジモト,河野:コウノ,上野:ウエノ,野口:ノグチ,武田:タケダ,松井:マツイ," +
        "千葉:チバ,岩崎:イワサキ,菅原:スガワラ,木下:キノシタ,久保:クボ,佐野:サノ,野村:ノムラ,松尾:マツオ,市川:イチカワ,菊地:キクチ," +
        "杉本:スギモト,古川:フルカワ,大西:オオニシ,島田:シマダ,水野:ミズノ,桜井:サクライ,高野:タカノ,渡部:ワタナベ,吉川:ヨシカワ,山内:ヤマウチ," +
        "西田:ニシダ,飯田:イイダ,菊池:キクチ,西川:ニシカワ,小松:コマツ,北村:キタムラ,安田:ヤスダ,五十嵐:イガラシ,川口:カワグチ,平田:ヒラタ," +
        "関:セキ,中田:ナカタ,久保田:クボタ,服部:ハットリ,東:ヒガシ,岩田:イワタ,土屋:ツチヤ,川崎:カワサキ,福島:フクシマ,本田:ホンダ," +
        "辻:ツジ,樋口:ヒグチ,秋山:アキヤマ,田口:タグチ,永井:ナガイ,山中:ヤマナカ,中西:ナカニシ,吉村:ヨシムラ,川上:カワカミ,大橋:オオハシ," +
        "石原:イシハラ,松岡:マツオカ,浅野:アサノ,荒木:アラキ,大久保:オオクボ,野田:ノダ,小池:コイケ,松下:マツシタ,熊谷:クマガイ,菅野:カンノ," +
        "大谷:オオタニ,星野:ホシノ,黒田:クロダ,堀:ホリ,尾崎:オザキ,望月:モチヅキ,永田:ナガタ,内藤:ナイトウ,松浦:マツウラ,川村:カワムラ," +
        "大石:オオイシ,荒井:アライ,堀内:ホリウチ,早川:ハヤカワ,平井:ヒライ,馬場:ババ,小西:コニシ,岡崎:オカザキ,中尾:ナカオ,横田:ヨコタ," +
        "片山:カタヤマ,岡村:オカムラ,宮田:ミヤタ,大川:オオカワ,本間:ホンマ,桑原:クワバラ,広瀬:ヒロセ,福井:フクイ,葛西:カサイ,渡邉:ワタナベ," +
        "髙橋:タカハシ,山﨑:ヤマザキ,齋藤:サイトウ,澤田:サワダ,濱田:ハマダ,長尾:ナガオ,金田:カネダ,坂口:サカグチ,吉岡:ヨシオカ,東海林:ショウジ");

    /// <summary>Surnames written with an ideographic variation sequence (IVS) on one character.</summary>
    public static readonly NamePair[] IvsSurnames =
    [
        new("葛\U000E0100西", "カサイ"),
        new("葛\U000E0101城", "カツラギ"),
        new("辻\U000E0101", "ツジ"),
        new("辻\U000E0100本", "ツジモト"),
        new("渡邉\U000E0103", "ワタナベ"),
        new("渡邉\U000E0108", "ワタナベ"),
    ];

    // Given names by birth cohort: born before 1946, 1946–1970, 1971–1990, 1991–2005, 2006 on.
    private static readonly int[] CohortStarts = [1946, 1971, 1991, 2006];

    private static readonly NamePair[][] Male =
    [
        NamePair.ParseList("清:キヨシ,茂:シゲル,勇:イサム,実:ミノル,進:ススム,正:タダシ,武:タケシ,博:ヒロシ,三郎:サブロウ,正雄:マサオ,一郎:イチロウ,勝:マサル"),
        NamePair.ParseList("博:ヒロシ,誠:マコト,隆:タカシ,修:オサム,浩:ヒロシ,明:アキラ,健一:ケンイチ,和夫:カズオ,秀樹:ヒデキ,幸一:コウイチ,正人:マサト,昭:アキラ"),
        NamePair.ParseList("大輔:ダイスケ,拓也:タクヤ,健太:ケンタ,直樹:ナオキ,達也:タツヤ,和也:カズヤ,剛:ツヨシ,聡:サトシ,哲也:テツヤ,翔:ショウ,浩二:コウジ,雄一:ユウイチ"),
        NamePair.ParseList("翔太:ショウタ,大樹:ダイキ,拓海:タクミ,健太:ケンタ,涼:リョウ,駿:シュン,大翔:ヒロト,翼:ツバサ,海斗:カイト,蓮:レン,陸:リク,優斗:ユウト"),
        NamePair.ParseList("蓮:レン,陽翔:ハルト,悠真:ユウマ,湊:ミナト,蒼:アオイ,樹:イツキ,颯太:ソウタ,悠斗:ユウト,大和:ヤマト,朝陽:アサヒ,律:リツ,碧:アオイ"),
    ];

    private static readonly NamePair[][] Female =
    [
        NamePair.ParseList("和子:カズコ,幸子:サチコ,節子:セツコ,久子:ヒサコ,文子:フミコ,静子:シズコ,房子:フサコ,トミ:トミ,ハル:ハル,千代子:チヨコ,キヨ:キヨ,芳子:ヨシコ"),
        NamePair.ParseList("恵子:ケイコ,洋子:ヨウコ,京子:キョウコ,悦子:エツコ,美智子:ミチコ,由美子:ユミコ,久美子:クミコ,裕子:ユウコ,順子:ジュンコ,真由美:マユミ,典子:ノリコ,明美:アケミ"),
        NamePair.ParseList("直美:ナオミ,智子:トモコ,陽子:ヨウコ,恵:メグミ,愛:アイ,麻衣:マイ,美穂:ミホ,沙織:サオリ,彩:アヤ,舞:マイ,香織:カオリ,千尋:チヒロ"),
        NamePair.ParseList("美咲:ミサキ,葵:アオイ,彩花:アヤカ,七海:ナナミ,優花:ユウカ,萌:モエ,遥:ハルカ,結衣:ユイ,陽菜:ヒナ,さくら:サクラ,愛美:マナミ,真央:マオ"),
        NamePair.ParseList("陽葵:ヒマリ,凛:リン,結菜:ユイナ,紬:ツムギ,芽依:メイ,結愛:ユア,莉子:リコ,杏:アン,咲良:サクラ,花:ハナ,澪:ミオ,心春:コハル"),
    ];

    // Zipf-like weights: the common names are common.
    private static readonly double[] SurnameWeights = [.. Enumerable.Range(0, Surnames.Length).Select(i => 1.0 / (i + 8))];

    public static NamePair PickSurname(DemoRandom rng)
    {
        var roll = rng.NextDouble();
        if (roll < 0.003)
        {
            return rng.Pick(IvsSurnames);
        }

        if (roll < 0.005)
        {
            return Gaiji.PickSurname(rng);
        }

        return Surnames[rng.PickWeighted(SurnameWeights)];
    }

    public static NamePair PickGiven(DemoRandom rng, Sex sex, int birthYear)
    {
        var cohort = 0;
        while (cohort < CohortStarts.Length && birthYear >= CohortStarts[cohort])
        {
            cohort++;
        }

        return rng.Pick(sex == Sex.Male ? Male[cohort] : Female[cohort]);
    }
}
