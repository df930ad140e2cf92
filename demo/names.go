package demo

// hanName is a Chinese name part in characters, pinyin and the Russian
// (Palladius) transcription.
type hanName struct{ han, pinyin, ru string }

// cnFamilies are common Chinese family names.
var cnFamilies = []hanName{
	{"王", "Wang", "Ван"}, {"李", "Li", "Ли"}, {"张", "Zhang", "Чжан"}, {"刘", "Liu", "Лю"},
	{"陈", "Chen", "Чэнь"}, {"杨", "Yang", "Ян"}, {"赵", "Zhao", "Чжао"}, {"黄", "Huang", "Хуан"},
	{"周", "Zhou", "Чжоу"}, {"吴", "Wu", "У"}, {"徐", "Xu", "Сюй"}, {"孙", "Sun", "Сунь"},
	{"胡", "Hu", "Ху"}, {"朱", "Zhu", "Чжу"}, {"高", "Gao", "Гао"}, {"林", "Lin", "Линь"},
	{"何", "He", "Хэ"}, {"郭", "Guo", "Го"}, {"马", "Ma", "Ма"}, {"罗", "Luo", "Ло"},
	{"梁", "Liang", "Лян"}, {"宋", "Song", "Сун"}, {"郑", "Zheng", "Чжэн"}, {"谢", "Xie", "Се"},
	{"韩", "Han", "Хань"}, {"唐", "Tang", "Тан"}, {"冯", "Feng", "Фэн"}, {"于", "Yu", "Юй"},
	{"董", "Dong", "Дун"}, {"程", "Cheng", "Чэн"}, {"曹", "Cao", "Цао"}, {"袁", "Yuan", "Юань"},
	{"邓", "Deng", "Дэн"}, {"沈", "Shen", "Шэнь"}, {"曾", "Zeng", "Цзэн"}, {"彭", "Peng", "Пэн"},
}

// cnGivenMale and cnGivenFemale are common Chinese given names.
var (
	cnGivenMale = []hanName{
		{"伟", "Wei", "Вэй"}, {"强", "Qiang", "Цян"}, {"磊", "Lei", "Лэй"}, {"军", "Jun", "Цзюнь"},
		{"勇", "Yong", "Юн"}, {"杰", "Jie", "Цзе"}, {"涛", "Tao", "Тао"}, {"明", "Ming", "Мин"},
		{"海涛", "Haitao", "Хайтао"}, {"晓明", "Xiaoming", "Сяомин"}, {"建国", "Jianguo", "Цзяньго"},
		{"志强", "Zhiqiang", "Чжицян"}, {"俊杰", "Junjie", "Цзюньцзе"}, {"宇航", "Yuhang", "Юйхан"},
		{"浩然", "Haoran", "Хаожань"}, {"文博", "Wenbo", "Вэньбо"}, {"立新", "Lixin", "Лисинь"},
		{"明辉", "Minghui", "Минхуэй"}, {"鹏飞", "Pengfei", "Пэнфэй"}, {"振华", "Zhenhua", "Чжэньхуа"},
		{"子轩", "Zixuan", "Цзысюань"}, {"思远", "Siyuan", "Сыюань"},
	}
	cnGivenFemale = []hanName{
		{"芳", "Fang", "Фан"}, {"静", "Jing", "Цзин"}, {"丽", "Li", "Ли"}, {"敏", "Min", "Минь"},
		{"燕", "Yan", "Янь"}, {"丽娜", "Lina", "Лина"}, {"雪梅", "Xuemei", "Сюэмэй"}, {"欣怡", "Xinyi", "Синьи"},
		{"春燕", "Chunyan", "Чуньянь"}, {"嘉怡", "Jiayi", "Цзяи"}, {"晓燕", "Xiaoyan", "Сяоянь"},
		{"婷", "Ting", "Тин"}, {"慧", "Hui", "Хуэй"}, {"佳琪", "Jiaqi", "Цзяци"}, {"雨涵", "Yuhan", "Юйхань"},
	}
)

// cyrName is a Russian name part in Cyrillic and Latin script.
type cyrName struct{ cyr, lat string }

// ruGivenMale and ruGivenFemale are common Russian given names.
var (
	ruGivenMale = []cyrName{
		{"Алексей", "Alexey"}, {"Дмитрий", "Dmitry"}, {"Иван", "Ivan"}, {"Сергей", "Sergey"},
		{"Андрей", "Andrey"}, {"Михаил", "Mikhail"}, {"Николай", "Nikolay"}, {"Павел", "Pavel"},
		{"Владимир", "Vladimir"}, {"Евгений", "Evgeny"}, {"Артём", "Artyom"}, {"Олег", "Oleg"},
		{"Игорь", "Igor"}, {"Константин", "Konstantin"}, {"Максим", "Maxim"}, {"Роман", "Roman"},
		{"Илья", "Ilya"}, {"Кирилл", "Kirill"}, {"Денис", "Denis"}, {"Юрий", "Yury"},
	}
	ruGivenFemale = []cyrName{
		{"Анна", "Anna"}, {"Мария", "Maria"}, {"Елена", "Elena"}, {"Ольга", "Olga"},
		{"Наталья", "Natalya"}, {"Екатерина", "Ekaterina"}, {"Татьяна", "Tatyana"}, {"Ирина", "Irina"},
		{"Юлия", "Yulia"}, {"Светлана", "Svetlana"}, {"Анастасия", "Anastasia"}, {"Дарья", "Daria"},
		{"Ксения", "Ksenia"}, {"Полина", "Polina"}, {"Марина", "Marina"}, {"Виктория", "Victoria"},
	}
)

// patronymic holds the male and female patronymics formed from one
// father's name.
type patronymic struct{ male, female cyrName }

// ruPatronymics are patronymics of common fathers' names.
var ruPatronymics = []patronymic{
	{cyrName{"Алексеевич", "Alekseevich"}, cyrName{"Алексеевна", "Alekseevna"}},
	{cyrName{"Дмитриевич", "Dmitrievich"}, cyrName{"Дмитриевна", "Dmitrievna"}},
	{cyrName{"Иванович", "Ivanovich"}, cyrName{"Ивановна", "Ivanovna"}},
	{cyrName{"Сергеевич", "Sergeevich"}, cyrName{"Сергеевна", "Sergeevna"}},
	{cyrName{"Андреевич", "Andreevich"}, cyrName{"Андреевна", "Andreevna"}},
	{cyrName{"Михайлович", "Mikhailovich"}, cyrName{"Михайловна", "Mikhailovna"}},
	{cyrName{"Николаевич", "Nikolaevich"}, cyrName{"Николаевна", "Nikolaevna"}},
	{cyrName{"Павлович", "Pavlovich"}, cyrName{"Павловна", "Pavlovna"}},
	{cyrName{"Владимирович", "Vladimirovich"}, cyrName{"Владимировна", "Vladimirovna"}},
	{cyrName{"Евгеньевич", "Evgenyevich"}, cyrName{"Евгеньевна", "Evgenyevna"}},
	{cyrName{"Олегович", "Olegovich"}, cyrName{"Олеговна", "Olegovna"}},
	{cyrName{"Игоревич", "Igorevich"}, cyrName{"Игоревна", "Igorevna"}},
	{cyrName{"Юрьевич", "Yuryevich"}, cyrName{"Юрьевна", "Yuryevna"}},
	{cyrName{"Александрович", "Aleksandrovich"}, cyrName{"Александровна", "Aleksandrovna"}},
	{cyrName{"Викторович", "Viktorovich"}, cyrName{"Викторовна", "Viktorovna"}},
	{cyrName{"Петрович", "Petrovich"}, cyrName{"Петровна", "Petrovna"}},
	{cyrName{"Борисович", "Borisovich"}, cyrName{"Борисовна", "Borisovna"}},
	{cyrName{"Геннадьевич", "Gennadyevich"}, cyrName{"Геннадьевна", "Gennadyevna"}},
}

// ruFamilies are common Russian family names in their male form; the
// female form adds «а» in both scripts.
var ruFamilies = []cyrName{
	{"Иванов", "Ivanov"}, {"Смирнов", "Smirnov"}, {"Кузнецов", "Kuznetsov"}, {"Попов", "Popov"},
	{"Соколов", "Sokolov"}, {"Лебедев", "Lebedev"}, {"Козлов", "Kozlov"}, {"Новиков", "Novikov"},
	{"Морозов", "Morozov"}, {"Волков", "Volkov"}, {"Соловьёв", "Solovyov"}, {"Васильев", "Vasilyev"},
	{"Зайцев", "Zaitsev"}, {"Павлов", "Pavlov"}, {"Семёнов", "Semyonov"}, {"Голубев", "Golubev"},
	{"Виноградов", "Vinogradov"}, {"Богданов", "Bogdanov"}, {"Воробьёв", "Vorobyov"}, {"Фёдоров", "Fedorov"},
	{"Михайлов", "Mikhailov"}, {"Беляев", "Belyaev"}, {"Тарасов", "Tarasov"}, {"Белов", "Belov"},
	{"Комаров", "Komarov"}, {"Орлов", "Orlov"}, {"Киселёв", "Kiselyov"}, {"Макаров", "Makarov"},
	{"Андреев", "Andreev"}, {"Ковалёв", "Kovalyov"}, {"Ильин", "Ilyin"}, {"Гусев", "Gusev"},
	{"Титов", "Titov"}, {"Кузьмин", "Kuzmin"}, {"Кудрявцев", "Kudryavtsev"}, {"Баранов", "Baranov"},
}

// position is a job title in the three languages, with the Russian form
// for a woman where it differs.
type position struct{ zh, ru, ruF, en string }

// Positions by the kind of organisation.
var (
	universityPositions = []position{
		{"教授", "Профессор", "", "Professor"},
		{"副教授", "Доцент", "", "Associate Professor"},
		{"实验室主任", "Заведующий лабораторией", "Заведующая лабораторией", "Head of Laboratory"},
		{"博士后研究员", "Постдок", "", "Postdoctoral Researcher"},
	}
	institutePositions = []position{
		{"研究员", "Ведущий научный сотрудник", "", "Leading Researcher"},
		{"副研究员", "Старший научный сотрудник", "", "Senior Researcher"},
		{"实验室主任", "Заведующий лабораторией", "Заведующая лабораторией", "Head of Laboratory"},
	}
	enterprisePositions = []position{
		{"总工程师", "Главный инженер", "", "Chief Engineer"},
		{"项目经理", "Руководитель проекта", "", "Project Manager"},
		{"首席专家", "Главный специалист", "", "Chief Specialist"},
	}
)
