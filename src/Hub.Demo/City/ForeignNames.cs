namespace Hub.Demo.City;

/// <summary>
/// Foreign residents' names as the registry holds them: Chinese and Korean names in kanji, others in
/// capital Latin letters as on the 在留カード, each with a katakana reading; 通称 (aliases) are
/// Japanese-style names registered by some residents.
/// </summary>
internal static class ForeignNames
{
    public static readonly Nationality[] Nationalities =
    [
        new("中国", 0.27, true, 0.08,
            NamePair.ParseList("王:ワン,李:リー,張:チャン,劉:リウ,陳:チェン,楊:ヤン,趙:チャオ,黄:ホワン"),
            NamePair.ParseList("偉:ウェイ,強:チャン,磊:レイ,洋:ヤン,勇:ヨン,軍:ジュン,浩然:ハオラン,子豪:ズーハオ"),
            NamePair.ParseList("芳:ファン,娜:ナー,敏:ミン,静:ジン,麗:リー,艶:イェン,雨涵:ユーハン,欣怡:シンイー"),
            "中華人民共和国 上海市浦東新区"),
        new("ベトナム", 0.19, false, 0.0,
            NamePair.ParseList("NGUYEN:グエン,TRAN:チャン,LE:レ,PHAM:ファム,HOANG:ホアン,VU:ヴー"),
            NamePair.ParseList("VAN NAM:ヴァン　ナム,VAN HUNG:ヴァン　フン,DUC MINH:ドゥック　ミン,QUANG HUY:クアン　フイ"),
            NamePair.ParseList("THI HOA:ティ　ホア,THI LAN:ティ　ラン,THI MAI:ティ　マイ,THU TRANG:トゥ　チャン"),
            "Hanoi, Ba Dinh, Viet Nam"),
        new("韓国", 0.13, true, 0.45,
            NamePair.ParseList("金:キム,李:イ,朴:パク,崔:チェ,鄭:チョン,姜:カン"),
            NamePair.ParseList("民俊:ミンジュン,志勲:ジフン,成浩:ソンホ,永植:ヨンシク,東賢:ドンヒョン"),
            NamePair.ParseList("瑞妍:ソヨン,英姫:ヨンヒ,秀彬:スビン,恩惠:ウネ,智媛:ジウォン"),
            "大韓民国 ソウル特別市麻浦区"),
        new("フィリピン", 0.10, false, 0.05,
            NamePair.ParseList("SANTOS:サントス,REYES:レイエス,CRUZ:クルス,GARCIA:ガルシア,BAUTISTA:バウティスタ"),
            NamePair.ParseList("JOSE:ホセ,MARK:マーク,JOHN PAUL:ジョン　ポール,RAMON:ラモン"),
            NamePair.ParseList("MARIA CLARA:マリア　クララ,ANGELICA:アンジェリカ,JOY:ジョイ,CRISTINA:クリスティーナ"),
            "Quezon City, Metro Manila, Philippines"),
        new("ブラジル", 0.07, false, 0.0,
            NamePair.ParseList("SILVA:シルバ,SOUZA:ソウザ,OLIVEIRA:オリベイラ,PEREIRA:ペレイラ,COSTA:コスタ"),
            NamePair.ParseList("JOAO:ジョアン,LUCAS:ルーカス,RAFAEL:ハファエル,PEDRO:ペドロ"),
            NamePair.ParseList("ANA:アナ,JULIANA:ジュリアナ,FERNANDA:フェルナンダ,MARIANA:マリアナ"),
            "Sao Paulo, SP, Brasil"),
        new("ネパール", 0.07, false, 0.0,
            NamePair.ParseList("GURUNG:グルン,SHRESTHA:シュレスタ,TAMANG:タマン,RAI:ライ,THAPA:タパ"),
            NamePair.ParseList("RAM:ラム,BIKASH:ビカシュ,SURAJ:スラジ,PRAKASH:プラカシュ"),
            NamePair.ParseList("SITA:シタ,ANITA:アニタ,SUNITA:スニタ,PUJA:プジャ"),
            "Kathmandu, Bagmati, Nepal"),
        new("インドネシア", 0.06, false, 0.0,
            NamePair.ParseList("SETIAWAN:セティアワン,PRATAMA:プラタマ,SARI:サリ,WIJAYA:ウィジャヤ"),
            NamePair.ParseList("BUDI:ブディ,AGUS:アグス,RIZKY:リズキ,ADI:アディ"),
            NamePair.ParseList("DEWI:デウィ,SITI:シティ,PUTRI:プトリ,AYU:アユ"),
            "Jakarta Selatan, DKI Jakarta, Indonesia"),
        new("米国", 0.03, false, 0.02,
            NamePair.ParseList("SMITH:スミス,JOHNSON:ジョンソン,BROWN:ブラウン,MILLER:ミラー,DAVIS:デイビス"),
            NamePair.ParseList("JOHN:ジョン,MICHAEL:マイケル,DAVID:デイビッド,JAMES:ジェームズ"),
            NamePair.ParseList("EMILY:エミリー,SARAH:サラ,JESSICA:ジェシカ,ASHLEY:アシュリー"),
            "Seattle, WA, United States"),
    ];

    private static readonly double[] Shares = [.. Nationalities.Select(n => n.Share)];

    /// <summary>Japanese-style 通称 surnames typical of long-term Korean and Chinese residents.</summary>
    public static readonly NamePair[] AliasSurnames = NamePair.ParseList(
        "金田:カネダ,金本:カネモト,新井:アライ,木村:キムラ,松本:マツモト,山本:ヤマモト,高山:タカヤマ,林:ハヤシ,岩本:イワモト");

    public static Nationality PickNationality(DemoRandom rng) => Nationalities[rng.PickWeighted(Shares)];

    public static Nationality PickSpouseNationality(DemoRandom rng) =>
        Nationalities[rng.PickWeighted([0.35, 0.05, 0.25, 0.30, 0.03, 0.0, 0.0, 0.02])];
}
